package clockify

import (
	"encoding/json"
	"fmt"
)

// decodeString reads a JSON string for the named field; null reports null and no error.
func decodeString(b []byte, field string) (s string, null bool, err error) {
	if string(b) == "null" {
		return "", true, nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return "", false, fmt.Errorf("clockify: %s: %w", field, err)
	}
	return s, false, nil
}
