package checklist

// Titles of the groups that are not topics.
const (
	TopTitle = "Most important"
	OwnTitle = "My own questions"
)

// Group is a run of questions printed under one heading.
type Group struct {
	Title string
	Items []Item
}

// Ordered arranges items for printing: a "Most important" group with the
// questions marked Top first, then one group per topic, in the order the
// topics first appear, then "My own questions". Inside each group the
// items keep their order. Empty groups are left out; a group's title is the
// topic's title, or its id when the title is empty.
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
		out = append(out, Group{Title: TopTitle, Items: top})
	}
	out = append(out, topics...)
	if len(own) > 0 {
		out = append(out, Group{Title: OwnTitle, Items: own})
	}
	return out
}
