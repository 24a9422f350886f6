package clockify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Weekday is a day of the week as Clockify spells it ("MONDAY" .. "SUNDAY"). It is used for
// a member's week start and, through WeekdaySet, for working days.
type Weekday string

// The days of the week, as Clockify spells them.
const (
	Monday    Weekday = "MONDAY"
	Tuesday   Weekday = "TUESDAY"
	Wednesday Weekday = "WEDNESDAY"
	Thursday  Weekday = "THURSDAY"
	Friday    Weekday = "FRIDAY"
	Saturday  Weekday = "SATURDAY"
	Sunday    Weekday = "SUNDAY"
)

// weekdays is Monday-first, the order Clockify's UI and WeekdaySet use.
var weekdays = [7]Weekday{Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday}

// index returns d's Monday-first position, or -1 for an unknown value.
func (d Weekday) index() int {
	for i, w := range weekdays {
		if w == d {
			return i
		}
	}
	return -1
}

// Valid reports whether d is one of the seven days Clockify knows.
func (d Weekday) Valid() bool { return d.index() >= 0 }

// Time converts d to a time.Weekday. It returns an error for a value that is not a day.
func (d Weekday) Time() (time.Weekday, error) {
	i := d.index()
	if i < 0 {
		return 0, fmt.Errorf("clockify: unknown weekday %q", string(d))
	}
	return time.Weekday((i + 1) % 7), nil
}

// WeekdayOf converts a time.Weekday to Clockify's spelling.
func WeekdayOf(d time.Weekday) Weekday { return weekdays[(int(d)+6)%7] }

// MarshalJSON writes d as Clockify spells it. The zero Weekday means "not set" (Clockify
// sends null or "" for a week start never chosen) and is written as null, so whatever the SDK
// decodes encodes again and decodes to the same value. Any other value that is not a day is
// refused, so a typo is never sent.
func (d Weekday) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	if !d.Valid() {
		return nil, &ValidationError{Field: "weekday", Reason: fmt.Sprintf("unknown weekday %q", string(d))}
	}
	return []byte(`"` + string(d) + `"`), nil // the seven names need no escaping
}

// UnmarshalJSON accepts the seven days; null and "" leave the zero value (Clockify sends them
// for settings never filled in); anything else is an error.
func (d *Weekday) UnmarshalJSON(b []byte) error {
	if in, ok := plainString(b); ok {
		if len(in) == 0 {
			*d = ""
			return nil
		}
		if i := weekdayIndex(in); i >= 0 {
			*d = weekdays[i]
			return nil
		}
	}
	return d.unmarshalJSONGeneral(b)
}

// weekdayIndex is Weekday.index for the bytes of a name, without converting them to a string.
func weekdayIndex(name []byte) int {
	switch string(name) { // compiled to comparisons, no allocation
	case "MONDAY":
		return 0
	case "TUESDAY":
		return 1
	case "WEDNESDAY":
		return 2
	case "THURSDAY":
		return 3
	case "FRIDAY":
		return 4
	case "SATURDAY":
		return 5
	case "SUNDAY":
		return 6
	}
	return -1
}

// unmarshalJSONGeneral is UnmarshalJSON for any input; UnmarshalJSON answers the common
// shapes itself and must agree with it (jsonstring_fuzz_test.go checks).
func (d *Weekday) unmarshalJSONGeneral(b []byte) error {
	s, null, err := decodeString(b, "weekday")
	if null || err != nil {
		return err
	}
	if s == "" {
		*d = ""
		return nil
	}
	w := Weekday(s)
	if !w.Valid() {
		return fmt.Errorf("clockify: unknown weekday %q", s)
	}
	*d = w
	return nil
}

// WeekdaySet is a set of days, such as a member's working days. The zero value is the empty
// set. On the wire it is a JSON array, written Monday-first; Clockify sends it unordered.
type WeekdaySet uint8

// invalidDay marks a set built from a value that is not a day, so the mistake surfaces as a
// validation error before any request instead of the day being silently dropped.
const invalidDay WeekdaySet = 1 << 7

// Common sets of working days.
const (
	// Weekdays is Monday to Friday.
	Weekdays WeekdaySet = 0b0011111
	// AllDays is Monday to Sunday.
	AllDays WeekdaySet = 0b1111111
)

// NewWeekdaySet returns the set of the given days. A value that is not a day makes the set
// invalid (Valid reports false and encoding it fails) rather than being dropped.
func NewWeekdaySet(days ...Weekday) WeekdaySet {
	var s WeekdaySet
	for _, d := range days {
		s = s.With(d)
	}
	return s
}

// With returns s plus d.
func (s WeekdaySet) With(d Weekday) WeekdaySet {
	i := d.index()
	if i < 0 {
		return s | invalidDay
	}
	return s | 1<<i
}

// Without returns s minus d.
func (s WeekdaySet) Without(d Weekday) WeekdaySet {
	if i := d.index(); i >= 0 {
		return s &^ (1 << i)
	}
	return s
}

// Has reports whether d is in s.
func (s WeekdaySet) Has(d Weekday) bool {
	i := d.index()
	return i >= 0 && s&(1<<i) != 0
}

// Len is the number of days in s.
func (s WeekdaySet) Len() int {
	n := 0
	for i := range weekdays {
		if s&(1<<i) != 0 {
			n++
		}
	}
	return n
}

// Valid reports whether s was built only from real days.
func (s WeekdaySet) Valid() bool { return s&invalidDay == 0 }

// Days returns the days in s, Monday first.
func (s WeekdaySet) Days() []Weekday {
	days := make([]Weekday, 0, 7)
	for i, d := range weekdays {
		if s&(1<<i) != 0 {
			days = append(days, d)
		}
	}
	return days
}

// String lists the days Monday-first, e.g. "MONDAY,TUESDAY"; the empty set is "".
func (s WeekdaySet) String() string {
	var b strings.Builder
	for _, d := range s.Days() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(d))
	}
	if !s.Valid() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString("INVALID")
	}
	return b.String()
}

// MarshalJSON writes a JSON array, Monday first. An invalid set is an error.
func (s WeekdaySet) MarshalJSON() ([]byte, error) {
	if !s.Valid() {
		return nil, &ValidationError{Field: "workingDays", Reason: "contains a value that is not a weekday"}
	}
	b := make([]byte, 0, 80)
	b = append(b, '[')
	for i, d := range s.Days() {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, d...)
		b = append(b, '"')
	}
	return append(b, ']'), nil
}

// UnmarshalJSON accepts a JSON array of days in any order, and also the JSON-string-encoded
// array that Clockify's own spec example shows ("[\"MONDAY\",\"TUESDAY\"]"). Unknown days are
// an error; null leaves s unchanged.
func (s *WeekdaySet) UnmarshalJSON(b []byte) error {
	if set, ok := plainWeekdayArray(b); ok {
		*s = set
		return nil
	}
	return s.unmarshalJSONGeneral(b)
}

// plainWeekdayArray reads the shape Clockify sends, an array of day names without spaces or
// escapes (["MONDAY","FRIDAY"]), without allocating. Anything else, errors included, is left to
// the general code: ok is false.
func plainWeekdayArray(b []byte) (set WeekdaySet, ok bool) {
	if len(b) < 2 || b[0] != '[' {
		return 0, false
	}
	if len(b) == 2 && b[1] == ']' {
		return 0, true
	}
	b = b[1:]
	for {
		if len(b) == 0 || b[0] != '"' {
			return 0, false
		}
		end := bytes.IndexByte(b[1:], '"')
		if end < 0 {
			return 0, false
		}
		i := weekdayIndex(b[1 : 1+end]) // only the seven plain names match, so no escapes
		if i < 0 {
			return 0, false
		}
		set |= 1 << i
		switch rest := b[end+2:]; {
		case len(rest) == 1 && rest[0] == ']':
			return set, true
		case len(rest) > 1 && rest[0] == ',':
			b = rest[1:]
		default:
			return 0, false
		}
	}
}

// unmarshalJSONGeneral is UnmarshalJSON for any input; UnmarshalJSON answers the common
// shapes itself and must agree with it (jsonstring_fuzz_test.go checks).
func (s *WeekdaySet) unmarshalJSONGeneral(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var inner string
		if err := json.Unmarshal(b, &inner); err != nil {
			return fmt.Errorf("clockify: working days: %w", err)
		}
		inner = strings.TrimSpace(inner)
		if inner == "" {
			*s = 0
			return nil
		}
		if !strings.HasPrefix(inner, "[") {
			// A single day, as the spec's type (one enum string) would have it.
			inner = strconv.Quote(inner)
			inner = "[" + inner + "]"
		}
		b = []byte(inner)
	}
	var days []string
	if err := json.Unmarshal(b, &days); err != nil {
		return fmt.Errorf("clockify: working days: %w", err)
	}
	var set WeekdaySet
	for _, d := range days {
		i := Weekday(d).index()
		if i < 0 {
			return fmt.Errorf("clockify: working days: unknown weekday %q", d)
		}
		set |= 1 << i
	}
	*s = set
	return nil
}
