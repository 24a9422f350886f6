package clockify

import (
	"encoding/json"
	"testing"
)

// Decoding the SDK's own value types, called as encoding/json calls them (on the raw value),
// in the shapes Clockify sends: impl=sdk is UnmarshalJSON, impl=general the general code it
// falls back to for other shapes (which every value went through before the fast paths). The
// fuzz targets in jsonstring_fuzz_test.go show the results equal; these show the cost:
//
//	go run ./internal/benchratio -pkg . DurationUnmarshal WeekdaySetUnmarshal

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

// durationGeneral decodes a duration with the general code alone, as every duration was
// decoded before the fast paths (UnmarshalJSON's own general path reaches ParseDuration, which
// has a fast path of its own).
func durationGeneral(d *Duration, b []byte) error {
	s, null, err := decodeStringGeneral(b, "duration")
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
		for _, impl := range []struct {
			name   string
			decode func(*WeekdaySet, []byte) error
		}{{"sdk", (*WeekdaySet).UnmarshalJSON}, {"general", (*WeekdaySet).unmarshalJSONGeneral}} {
			b.Run(tc.name+"/impl="+impl.name, func(b *testing.B) {
				b.ReportAllocs()
				s := new(WeekdaySet)
				for b.Loop() {
					*s = 0
					if err := impl.decode(s, raw); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
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
