package ir

import "testing"

func TestGoFieldName(t *testing.T) {
	for in, want := range map[string]string{
		"who": "Who", "id": "ID", "userId": "UserID", "url": "URL", "httpCode": "HTTPCode",
		"amount": "Amount", "x": "X", "idea": "Idea", "Total": "Total", "user_id": "User_id",
		"jsonBody": "JSONBody", "ID": "ID",
	} {
		if got := GoFieldName(in); got != want {
			t.Errorf("GoFieldName(%q) = %q, want %q", in, got, want)
		}
	}
}
