package checklist

// Group is a run of questions printed under one heading.
type Group struct {
	// Title is the topic's title; "" for the Top and Own groups, which
	// the sheet names in its own words.
	Title string
	// Top is the group of the questions marked most important; Own, the
	// group of the reader's own questions.
	Top, Own bool
	Items    []Item
}

// Ordered arranges items for printing: the group of questions marked Top
// first, then one group per topic, in the order the topics first appear,
// then the reader's own questions. Inside each group the items keep their
// order. Empty groups are left out; a topic group's title is the topic's
// title, or its id when the title is empty.
func Ordered(items []Item) []Group {
	var top, own []Item
	var topics []Group
	at := map[string]int{}
	for _, it := range items {
		switch {
		case it.Top:
			top = append(top, it)
		case it.Own:
			own = append(own, it)
		default:
			i, ok := at[it.Topic]
			if !ok {
				title := it.TopicTitle
				if title == "" {
					title = it.Topic
				}
				i = len(topics)
				at[it.Topic] = i
				topics = append(topics, Group{Title: title})
			}
			topics[i].Items = append(topics[i].Items, it)
		}
	}
	var out []Group
	if len(top) > 0 {
		out = append(out, Group{Top: true, Items: top})
	}
	out = append(out, topics...)
	if len(own) > 0 {
		out = append(out, Group{Own: true, Items: own})
	}
	return out
}
