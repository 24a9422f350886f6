package clockify

import (
	"encoding/json"
	"fmt"
)

// Ptr returns a pointer to v, for the optional fields of request structs:
//
//	&clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Monday)}
func Ptr[T any](v T) *T { return &v }

// Money is an amount in minor units (cents) as Clockify stores rates: 20000 USD is 200.00 USD.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency,omitempty"`
}

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
