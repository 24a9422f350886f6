package clockify

import (
	"encoding/json"
	"fmt"
)

// decodeString reads a JSON string for the named field; null reports null and no error.
func decodeString(b []byte, field string) (s string, null bool, err error) {
	if in, ok := plainString(b); ok {
		return string(in), false, nil
	}
	return decodeStringGeneral(b, field)
}

// plainString returns the contents of b when b is a JSON string that needs no decoding:
// quoted, and only printable ASCII without escapes in between, as Clockify writes enums and
// durations. Otherwise ok is false and the caller decodes b in full (jsonstring_fuzz_test.go
// checks the two agree on every input).
func plainString(b []byte) (in []byte, ok bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return nil, false
	}
	in = b[1 : len(b)-1]
	for _, c := range in {
		if c < ' ' || c == '"' || c == '\\' || c >= 0x80 {
			return nil, false
		}
	}
	return in, true
}

// decodeStringGeneral is decodeString for any input, through encoding/json.
func decodeStringGeneral(b []byte, field string) (s string, null bool, err error) {
	if string(b) == "null" {
		return "", true, nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return "", false, fmt.Errorf("clockify: %s: %w", field, err)
	}
	return s, false, nil
}
