package clockify

import (
	"encoding/json"
	"testing"
)

// Decoding the SDK's own value types, called as encoding/json calls them (on the raw value),
// in the shapes Clockify sends. For durations, impl=sdk is UnmarshalJSON and impl=general the
// same with ParseDuration's general parser alone (without its fast path for whole numbers);
// FuzzDurationFastPath shows the results equal, these show the cost:
//
//	go run ./internal/benchratio -pkg . DurationUnmarshal

func BenchmarkDurationUnmarshal(b *testing.B) {
	for _, in := range []string{`"PT7H30M"`, `"PT8H"`, `"PT0S"`, `"P1DT2H"`} {
		raw := []byte(in)
		for _, impl := range []struct {
			name   string
			decode func(*Duration, []byte) error
		}{{"sdk", (*Duration).UnmarshalJSON}, {"general", durationGeneral}} {
			b.Run(in[1:len(in)-1]+"/impl="+impl.name, func(b *testing.B) {
				b.ReportAllocs()
				d := new(Duration) // outside the loop: through a func value it would escape each time
				for b.Loop() {
					*d = 0
					if err := impl.decode(d, raw); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// durationGeneral is Duration.UnmarshalJSON with ParseDuration's general parser alone.
func durationGeneral(d *Duration, b []byte) error {
	s, null, err := decodeString(b, "duration")
	if null || err != nil || s == "" {
		*d = 0
		return err
	}
	*d, err = parseDurationGeneral(s)
	return err
}

func BenchmarkWeekdaySetUnmarshal(b *testing.B) {
	for _, tc := range []struct{ name, in string }{
		{"weekdays", `["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]`},
		{"two", `["SATURDAY","SUNDAY"]`},
	} {
		raw := []byte(tc.in)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var s WeekdaySet
				if err := s.UnmarshalJSON(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWeekdayUnmarshal(b *testing.B) {
	raw := []byte(`"WEDNESDAY"`)
	b.ReportAllocs()
	for b.Loop() {
		var d Weekday
		if err := d.UnmarshalJSON(raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProfileUnmarshal is a whole member profile through encoding/json, for the share
// the value types have in it.
func BenchmarkProfileUnmarshal(b *testing.B) {
	raw := readTestdata(b, "profile.json")
	b.ReportAllocs()
	for b.Loop() {
		var p Profile
		if err := json.Unmarshal(raw, &p); err != nil {
			b.Fatal(err)
		}
	}
}
