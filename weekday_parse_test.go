package clockify

import (
	"encoding"
	"encoding/json"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The types read from flags and text settings.
var (
	_ flag.Value               = (*Weekday)(nil)
	_ flag.Value               = (*WeekdaySet)(nil)
	_ flag.Value               = (*Duration)(nil)
	_ encoding.TextMarshaler   = Weekday("")
	_ encoding.TextMarshaler   = WeekdaySet(0)
	_ encoding.TextMarshaler   = Duration(0)
	_ encoding.TextUnmarshaler = (*Weekday)(nil)
	_ encoding.TextUnmarshaler = (*WeekdaySet)(nil)
	_ encoding.TextUnmarshaler = (*Duration)(nil)
)

func TestParseWeekday_namesAndAbbreviationsInAnyCase(t *testing.T) {
	full := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	for i, name := range full {
		want := weekdays[i]
		abbr := name[:3]
		for _, s := range []string{name, strings.ToUpper(name), strings.ToLower(name), abbr,
			strings.ToUpper(abbr), strings.ToLower(abbr), " " + abbr + " "} {
			got, err := ParseWeekday(s)
			require.NoError(t, err, s)
			assert.Equal(t, want, got, s)
		}
	}
}

func TestParseWeekday_refusesAnythingElse(t *testing.T) {
	for _, s := range []string{"", " ", "M", "Mo", "Mond", "Mondays", "MON DAY", "0", "1", "7", "Lundi",
		"MON-FRI", "MON,TUE", "\x00MON", strings.Repeat("MONDAY", 1e5)} {
		d, err := ParseWeekday(s)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "%.20q", s)
		assert.ErrorIs(t, err, ErrInvalidInput)
		assert.Empty(t, d)
		assert.Less(t, len(err.Error()), 200, "the error quotes a bounded part of the input")
	}
}

func TestParseWeekdaySet_listsAndRanges(t *testing.T) {
	for s, want := range map[string]WeekdaySet{
		"MON-FRI":                 Weekdays,
		"Mon-Fri":                 Weekdays,
		"monday-friday":           Weekdays,
		"Mon,Tue":                 NewWeekdaySet(Monday, Tuesday),
		"monday, wednesday":       NewWeekdaySet(Monday, Wednesday),
		"MONDAY,TUESDAY":          NewWeekdaySet(Monday, Tuesday),
		"MON-WED,FRI":             NewWeekdaySet(Monday, Tuesday, Wednesday, Friday),
		" mon - wed , fri ":       NewWeekdaySet(Monday, Tuesday, Wednesday, Friday),
		"SAT-SUN":                 NewWeekdaySet(Saturday, Sunday),
		"SUN-THU":                 NewWeekdaySet(Sunday, Monday, Tuesday, Wednesday, Thursday),
		"FRI-MON":                 NewWeekdaySet(Friday, Saturday, Sunday, Monday),
		"WED-WED":                 NewWeekdaySet(Wednesday),
		"MON-SUN":                 AllDays,
		"Mon,Mon,mon":             NewWeekdaySet(Monday),
		"":                        0,
		"Sunday , Monday-Tuesday": NewWeekdaySet(Sunday, Monday, Tuesday),
	} {
		got, err := ParseWeekdaySet(s)
		require.NoError(t, err, s)
		assert.Equal(t, want.Days(), got.Days(), s)
		assert.True(t, got.Valid(), s)
	}
}

// String writes what ParseWeekdaySet reads back, for every set of days.
func TestParseWeekdaySet_readsWhatStringWrites(t *testing.T) {
	for s := WeekdaySet(0); s <= AllDays; s++ {
		got, err := ParseWeekdaySet(s.String())
		require.NoError(t, err, s.String())
		assert.Equal(t, s, got)
	}
}

func TestParseWeekdaySet_errorsNameTheItem(t *testing.T) {
	for s, tc := range map[string]struct{ field, reason string }{
		"MON,,TUE":    {"weekdays[1]", "empty"},
		"MON,":        {"weekdays[1]", "empty"},
		",MON":        {"weekdays[0]", "empty"},
		"MON,FUN":     {"weekdays[1]", `"FUN" is not a day`},
		"MON-":        {"weekdays[0]", "a day on each side"},
		"-FRI":        {"weekdays[0]", "a day on each side"},
		"MON-FUN":     {"weekdays[0]", `"FUN" is not a day`},
		"MUN-FRI":     {"weekdays[0]", `"MUN" is not a day`},
		"MON-TUE-WED": {"weekdays[0]", `"TUE-WED" is not a day`},
		"1-5":         {"weekdays[0]", `"1" is not a day`},
		"INVALID":     {"weekdays[0]", "not a day"},
	} {
		set, err := ParseWeekdaySet(s)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, s)
		assert.ErrorIs(t, err, ErrInvalidInput)
		assert.Equal(t, tc.field, ve.Field, s)
		assert.Contains(t, ve.Reason, tc.reason, s)
		assert.Zero(t, set, s)
	}
}

func TestWeekday_textRoundTrip(t *testing.T) {
	for _, d := range append(weekdays[:], "") {
		b, err := d.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, string(d), string(b))
		assert.Equal(t, string(d), d.String())
		got := Tuesday
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, d, got)
	}
	_, err := Weekday("FUNDAY").MarshalText()
	assert.ErrorIs(t, err, ErrInvalidInput)
	var d Weekday
	require.NoError(t, d.UnmarshalText([]byte("thu")))
	assert.Equal(t, Thursday, d)
	assert.ErrorIs(t, d.UnmarshalText([]byte("thurs")), ErrInvalidInput)
	assert.Equal(t, Thursday, d, "a refused text leaves the value")
}

func TestWeekdaySet_textRoundTrip(t *testing.T) {
	for s := WeekdaySet(0); s <= AllDays; s++ {
		b, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, s.String(), string(b))
		got := Weekdays
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, s, got)
	}
	_, err := NewWeekdaySet(Monday, "FUNDAY").MarshalText()
	assert.ErrorIs(t, err, ErrInvalidInput)
	s := Weekdays
	assert.ErrorIs(t, s.UnmarshalText([]byte("MON,FUN")), ErrInvalidInput)
	assert.Equal(t, Weekdays, s, "a refused text leaves the value")
}

// Flags of the three types: each takes what people write, and a bad value fails Parse with a
// message naming the flag.
func TestWeekdayAndDuration_flags(t *testing.T) {
	var (
		start    = Monday
		days     = Weekdays
		capacity = Duration(8 * 3600e9)
	)
	newSet := func() *flag.FlagSet {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.Var(&start, "week-start", "first day of the week")
		fs.Var(&days, "days", "working days")
		fs.Var(&capacity, "capacity", "daily work capacity")
		return fs
	}
	fs := newSet()
	assert.Equal(t, "MONDAY", fs.Lookup("week-start").DefValue)
	assert.Equal(t, "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", fs.Lookup("days").DefValue)
	assert.Equal(t, "PT8H", fs.Lookup("capacity").DefValue)

	require.NoError(t, fs.Parse([]string{"-week-start", "sun", "-days", "SUN-THU", "-capacity", "PT7H30M"}))
	assert.Equal(t, Sunday, start)
	assert.Equal(t, NewWeekdaySet(Sunday, Monday, Tuesday, Wednesday, Thursday), days)
	assert.Equal(t, Hours(7.5), capacity)

	require.NoError(t, newSet().Parse([]string{"-days", "MON", "-days", "TUE"}))
	assert.Equal(t, NewWeekdaySet(Tuesday), days, "each use replaces the set")

	for _, args := range [][]string{{"-week-start", "someday"}, {"-days", "MON-"}, {"-capacity", "7h"}} {
		err := newSet().Parse(args)
		require.Error(t, err, args)
		assert.Contains(t, err.Error(), args[0], "the message names the flag")
	}
}

// Adding the text methods leaves JSON as it was: values, pointers and slices of the three types
// encode and decode exactly as before, with Clockify's spelling only.
func TestWeekdayAndDuration_JSONUnchangedByTextMethods(t *testing.T) {
	type settings struct {
		Start    Weekday     `json:"start"`
		Unset    Weekday     `json:"unset"`
		Days     WeekdaySet  `json:"days"`
		Capacity Duration    `json:"capacity"`
		PStart   *Weekday    `json:"pStart"`
		PDays    *WeekdaySet `json:"pDays"`
		PCap     *Duration   `json:"pCap"`
		Starts   []Weekday   `json:"starts"`
	}
	start, days, capacity := Friday, NewWeekdaySet(Sunday, Monday), Hours(7.5)
	v := settings{Start: Monday, Days: Weekdays, Capacity: Hours(8), PStart: &start, PDays: &days, PCap: &capacity,
		Starts: []Weekday{Tuesday, ""}}
	const wire = `{"start":"MONDAY","unset":null,"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],` +
		`"capacity":"PT8H","pStart":"FRIDAY","pDays":["MONDAY","SUNDAY"],"pCap":"PT7H30M","starts":["TUESDAY",null]}`
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, wire, string(b))
	var back settings
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v, back)

	// JSON keeps Clockify's spelling: the forms people write are still refused there.
	for _, in := range []string{`{"start":"monday"}`, `{"start":"MON"}`, `{"days":"MON-FRI"}`, `{"days":["mon"]}`, `{"capacity":"PT"}`} {
		var s settings
		assert.Error(t, json.Unmarshal([]byte(in), &s), in)
	}
	// And what JSON accepted before still decodes: "" and null for unset, a JSON-string array.
	var s settings
	require.NoError(t, json.Unmarshal([]byte(`{"start":"","capacity":"","days":"[\"MONDAY\"]","pStart":null}`), &s))
	assert.Equal(t, settings{Days: NewWeekdaySet(Monday)}, s)
}

// Map keys are where encoding/json does see the text methods. A Duration or WeekdaySet key is
// written in its text form (it was a bare number) and read back through UnmarshalJSON; a
// Weekday key is now read through UnmarshalJSON too, so it must be one of Clockify's seven
// names (it was taken as any string).
func TestWeekdayAndDuration_JSONMapKeysUseTextForms(t *testing.T) {
	b, err := json.Marshal(map[Duration]int{Hours(1): 1})
	require.NoError(t, err)
	assert.JSONEq(t, `{"PT1H":1}`, string(b))
	var ds map[Duration]int
	require.NoError(t, json.Unmarshal(b, &ds))
	assert.Equal(t, map[Duration]int{Hours(1): 1}, ds)

	b, err = json.Marshal(map[WeekdaySet]int{Weekdays: 5})
	require.NoError(t, err)
	assert.JSONEq(t, `{"MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY":5}`, string(b))

	b, err = json.Marshal(map[Weekday]int{Monday: 1})
	require.NoError(t, err)
	assert.JSONEq(t, `{"MONDAY":1}`, string(b))
	var ws map[Weekday]int
	require.NoError(t, json.Unmarshal(b, &ws))
	assert.Equal(t, map[Weekday]int{Monday: 1}, ws)
	assert.Error(t, json.Unmarshal([]byte(`{"FUNDAY":1}`), &ws))
}
