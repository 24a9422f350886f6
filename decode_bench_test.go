package clockify

import (
	"encoding/json"
	"testing"
)

// Decoding the SDK's own value types, called as encoding/json calls them (on the raw value),
// in the shapes Clockify sends. The fuzz targets in values_fuzz_test.go show the results equal
// those of the general code; these show the cost.

func BenchmarkDurationUnmarshal(b *testing.B) {
	for _, in := range []string{`"PT7H30M"`, `"PT8H"`, `"PT0S"`, `"P1DT2H"`} {
		b.Run(in[1:len(in)-1], func(b *testing.B) {
			raw := []byte(in)
			b.ReportAllocs()
			for b.Loop() {
				var d Duration
				if err := d.UnmarshalJSON(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWeekdaySetUnmarshal(b *testing.B) {
	for _, tc := range []struct{ name, in string }{
		{"weekdays", `["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]`},
		{"two", `["SATURDAY","SUNDAY"]`},
	} {
		b.Run(tc.name, func(b *testing.B) {
			raw := []byte(tc.in)
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
