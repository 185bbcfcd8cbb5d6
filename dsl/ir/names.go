package ir

import "strings"

// initialisms are written in upper case in Go names (as golint and gopls do).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "LHS": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true,
	"XSRF": true, "XSS": true,
}

// JSONFieldName is the member of a field named name in the JSON form of its
// event (EncodeJSON, DecodeJSON): name, but "@event" for a field named event
// (a failure event's, docs/language.md), for "event" is the member that
// names the event's type. No other field can have a member that starts with
// "@", so the form is unambiguous.
func JSONFieldName(name string) string {
	if name == "event" {
		return "@event"
	}
	return name
}

// GoFieldName returns the exported Go name of a .fw field: the first letter in
// upper case, and a leading or trailing camel-case word that is a common
// initialism in upper case (id → ID, userId → UserID, url → URL).
func GoFieldName(field string) string {
	if field == "" {
		return field
	}
	words := splitCamel(field)
	for i, w := range words {
		if u := strings.ToUpper(w); initialisms[u] {
			words[i] = u
		} else if i == 0 {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, "")
}

// splitCamel splits "userId" into "user", "Id"; underscores stay inside words.
func splitCamel(s string) []string {
	var words []string
	start := 0
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && !(s[i-1] >= 'A' && s[i-1] <= 'Z') {
			words = append(words, s[start:i])
			start = i
		}
	}
	return append(words, s[start:])
}
