package clockify

import (
	"fmt"
	"strings"
)

// The parsers and text forms below are for days written by people: in flags, environment
// variables and configuration files. JSON keeps Clockify's own spelling (see MarshalJSON and
// UnmarshalJSON); the methods here do not change it.

// weekdayAbbrevs are the three-letter abbreviations, Monday first like weekdays.
var weekdayAbbrevs = [7]string{"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}

// ParseWeekday reads a day of the week as people write it: its English name or the name's
// first three letters, in any case, with spaces around it ignored: "MON", "Mon", "monday" and
// "MONDAY" are all Monday. Anything else, "" and numbers included (they count from Sunday or
// from Monday depending on who wrote them), is a *ValidationError.
func ParseWeekday(s string) (Weekday, error) {
	i := parseWeekdayIndex(s)
	if i < 0 {
		return "", &ValidationError{Field: "weekday", Reason: unknownWeekday(s)}
	}
	return weekdays[i], nil
}

// parseWeekdayIndex is the Monday-first position of the day s names, or -1.
func parseWeekdayIndex(s string) int {
	s = strings.TrimSpace(s)
	for i, d := range weekdays {
		if strings.EqualFold(s, string(d)) || strings.EqualFold(s, weekdayAbbrevs[i]) {
			return i
		}
	}
	return -1
}

// unknownWeekday is the reason s is not a day, quoting at most its first 20 characters.
func unknownWeekday(s string) string {
	return fmt.Sprintf("%.20q is not a day of the week (write MON or MONDAY, in any case)", s)
}

// ParseWeekdaySet reads a set of days written as a comma-separated list of days and ranges, each
// day as ParseWeekday reads it: "MON-FRI", "Mon,Tue", "monday, wednesday", "MON-WED,FRI". A range
// runs forward from its first day to its last, past Sunday if need be, so "SUN-THU" is Sunday
// to Thursday and "FRI-MON" is Friday to Monday. A day listed twice counts once. "" is the
// empty set, which is what WeekdaySet.String writes for it. An empty item ("MON,,TUE"), an
// unknown day or a range without two days is a *ValidationError naming the item.
func ParseWeekdaySet(s string) (WeekdaySet, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	var set WeekdaySet
	for n, item := range strings.Split(s, ",") {
		days, err := parseWeekdayItem(item)
		if err != nil {
			return 0, &ValidationError{Field: fmt.Sprintf("weekdays[%d]", n), Reason: err.Error()}
		}
		set |= days
	}
	return set, nil
}

// parseWeekdayItem reads one item of a list: a day or a range of days. Its error is the reason.
func parseWeekdayItem(item string) (WeekdaySet, error) {
	if strings.TrimSpace(item) == "" {
		return 0, fmt.Errorf("is empty (two commas in a row, or one at an end)")
	}
	from, to, isRange := strings.Cut(item, "-")
	if !isRange {
		i := parseWeekdayIndex(item)
		if i < 0 {
			return 0, fmt.Errorf("%s", unknownWeekday(item))
		}
		return 1 << i, nil
	}
	first, last := parseWeekdayIndex(from), parseWeekdayIndex(to)
	switch {
	case strings.TrimSpace(from) == "" || strings.TrimSpace(to) == "":
		return 0, fmt.Errorf("range %.30q needs a day on each side of '-', as in MON-FRI", item)
	case first < 0:
		return 0, fmt.Errorf("range %.30q: %s", item, unknownWeekday(from))
	case last < 0:
		return 0, fmt.Errorf("range %.30q: %s", item, unknownWeekday(to))
	}
	var set WeekdaySet
	for i := first; ; i = (i + 1) % 7 {
		set |= 1 << i
		if i == last {
			return set, nil
		}
	}
}

// String returns d as Clockify spells it ("MONDAY"); the zero Weekday is "".
func (d Weekday) String() string { return string(d) }

// MarshalText writes d as Clockify spells it ("MONDAY"), and the zero Weekday ("not set") as
// "". Any other value that is not a day is a *ValidationError, as in MarshalJSON.
func (d Weekday) MarshalText() ([]byte, error) {
	if d != "" && !d.Valid() {
		return nil, &ValidationError{Field: "weekday", Reason: fmt.Sprintf("unknown weekday %.20q", string(d))}
	}
	return []byte(d), nil
}

// UnmarshalText reads a day as ParseWeekday does ("Mon", "monday", "MONDAY"); "" is the zero
// Weekday ("not set"), which MarshalText writes as "". It does not change how JSON is read:
// UnmarshalJSON takes Clockify's spelling only.
func (d *Weekday) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = ""
		return nil
	}
	w, err := ParseWeekday(string(b))
	if err != nil {
		return err
	}
	*d = w
	return nil
}

// Set makes *Weekday a flag.Value: flag.Var(&weekStart, "week-start", "…") accepts what
// UnmarshalText does.
func (d *Weekday) Set(s string) error { return d.UnmarshalText([]byte(s)) }

// MarshalText writes s as String does, Monday first ("MONDAY,TUESDAY"; the empty set is "").
// An invalid set is a *ValidationError, as in MarshalJSON.
func (s WeekdaySet) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, &ValidationError{Field: "workingDays", Reason: "contains a value that is not a weekday"}
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a set as ParseWeekdaySet does ("MON-FRI", "Mon,Tue", "" for none). It
// does not change how JSON is read: UnmarshalJSON takes Clockify's array of days.
func (s *WeekdaySet) UnmarshalText(b []byte) error {
	set, err := ParseWeekdaySet(string(b))
	if err != nil {
		return err
	}
	*s = set
	return nil
}

// Set makes *WeekdaySet a flag.Value: flag.Var(&days, "days", "…") accepts what UnmarshalText
// does ("MON-FRI"). Each use of the flag replaces the set; it does not add to it.
func (s *WeekdaySet) Set(v string) error { return s.UnmarshalText([]byte(v)) }
