package clockify

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --- Weekday ---

func TestWeekday_JSON(t *testing.T) {
	tests := []struct {
		in      string
		want    Weekday
		wantErr bool
	}{
		{`"MONDAY"`, Monday, false},
		{`"SUNDAY"`, Sunday, false},
		{`null`, "", false},
		{`""`, "", false},
		{`"monday"`, "", true},
		{`"FUNDAY"`, "", true},
		{`1`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var v struct {
				WeekStart Weekday `json:"weekStart"`
			}
			err := json.Unmarshal([]byte(`{"weekStart":`+tt.in+`}`), &v)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, v.WeekStart)
		})
	}
}

func TestWeekday_marshalRefusesUnknownDay(t *testing.T) {
	b, err := json.Marshal(Friday)
	require.NoError(t, err)
	assert.Equal(t, `"FRIDAY"`, string(b))

	_, err = json.Marshal(struct{ D Weekday }{"FUNDAY"})
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestWeekday_zeroMarshalsAsNull(t *testing.T) {
	b, err := json.Marshal(struct{ D Weekday }{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"D":null}`, string(b))
}
func TestWeekday_timeRoundTrip(t *testing.T) {
	want := map[Weekday]time.Weekday{
		Monday: time.Monday, Tuesday: time.Tuesday, Wednesday: time.Wednesday, Thursday: time.Thursday,
		Friday: time.Friday, Saturday: time.Saturday, Sunday: time.Sunday,
	}
	for d, td := range want {
		got, err := d.Time()
		require.NoError(t, err)
		assert.Equal(t, td, got, d)
		assert.Equal(t, d, WeekdayOf(td))
	}
	_, err := Weekday("FUNDAY").Time()
	assert.Error(t, err)
}

// --- WeekdaySet ---

func TestWeekdaySet_setOperations(t *testing.T) {
	s := NewWeekdaySet(Friday, Monday, Monday)
	assert.True(t, s.Has(Monday))
	assert.True(t, s.Has(Friday))
	assert.False(t, s.Has(Tuesday))
	assert.False(t, s.Has("FUNDAY"))
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, []Weekday{Monday, Friday}, s.Days())
	assert.Equal(t, "MONDAY,FRIDAY", s.String())

	s = s.With(Sunday).Without(Monday).Without("FUNDAY")
	assert.Equal(t, []Weekday{Friday, Sunday}, s.Days())
	assert.True(t, s.Valid())

	assert.Equal(t, 0, WeekdaySet(0).Len())
	assert.Empty(t, WeekdaySet(0).Days())
	assert.Equal(t, "", WeekdaySet(0).String())
}

func TestWeekdaySet_presets(t *testing.T) {
	assert.Equal(t, []Weekday{Monday, Tuesday, Wednesday, Thursday, Friday}, Weekdays.Days())
	assert.Equal(t, 7, AllDays.Len())
	assert.Equal(t, NewWeekdaySet(Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday), AllDays)
}

func TestWeekdaySet_invalidDayMakesSetInvalid(t *testing.T) {
	s := NewWeekdaySet(Monday, "FUNDAY")
	assert.False(t, s.Valid())
	assert.True(t, s.Has(Monday))
	assert.Equal(t, 1, s.Len())
	assert.Equal(t, "MONDAY,INVALID", s.String())

	_, err := json.Marshal(struct {
		WorkingDays WeekdaySet `json:"workingDays"`
	}{s})
	assert.ErrorIs(t, err, ErrInvalidInput)
	var ve *ValidationError
	assert.ErrorAs(t, err, &ve)
}

func TestWeekdaySet_marshalsMondayFirstArray(t *testing.T) {
	tests := []struct {
		set  WeekdaySet
		want string
	}{
		{0, `[]`},
		{NewWeekdaySet(Sunday, Monday), `["MONDAY","SUNDAY"]`},
		{Weekdays, `["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]`},
		{AllDays, `["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"]`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.set)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(b))
	}
}

func TestWeekdaySet_unmarshal(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want WeekdaySet
	}{
		{"unordered array", `["THURSDAY","MONDAY","FRIDAY"]`, NewWeekdaySet(Monday, Thursday, Friday)},
		{"all seven unordered", `["THURSDAY","MONDAY","FRIDAY","WEDNESDAY","TUESDAY","SATURDAY","SUNDAY"]`, AllDays},
		{"duplicates", `["MONDAY","MONDAY"]`, NewWeekdaySet(Monday)},
		{"empty array", `[]`, 0},
		{"string-encoded array", `"[\"MONDAY\",\"FRIDAY\"]"`, NewWeekdaySet(Monday, Friday)},
		{"single day string", `"SUNDAY"`, NewWeekdaySet(Sunday)},
		{"empty string", `""`, 0},
		{"whitespace", " [ \"MONDAY\" ] ", NewWeekdaySet(Monday)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := AllDays // decoding replaces, it does not add
			require.NoError(t, json.Unmarshal([]byte(tt.in), &s))
			assert.Equal(t, tt.want, s)
		})
	}
}

func TestWeekdaySet_unmarshalNullLeavesValue(t *testing.T) {
	s := Weekdays
	require.NoError(t, json.Unmarshal([]byte(`null`), &s))
	assert.Equal(t, Weekdays, s)
}

func TestWeekdaySet_unmarshalRejects(t *testing.T) {
	for _, in := range []string{
		`["MONDAY","FUNDAY"]`,
		`["monday"]`,
		`"[\"MONDAY\",\"FUNDAY\"]"`,
		`"FUNDAY"`,
		`[1]`,
		`{"MONDAY":true}`,
		`3`,
	} {
		var s WeekdaySet
		assert.Error(t, json.Unmarshal([]byte(in), &s), in)
	}
}

// FuzzWeekdaySetJSON: decoding never panics, and whatever decodes encodes to a form that
// decodes to the same set.
func FuzzWeekdaySetJSON(f *testing.F) {
	for _, seed := range []string{
		`["THURSDAY","MONDAY","FRIDAY","WEDNESDAY","TUESDAY","SATURDAY","SUNDAY"]`,
		`["MONDAY","FRIDAY"]`,
		`"[\"MONDAY\",\"FRIDAY\"]"`,
		`"SUNDAY"`,
		`[]`, `""`, `null`, `"[]"`, `["FUNDAY"]`, `[1,2]`, `"["`, `{}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var direct WeekdaySet
		_ = direct.UnmarshalJSON(data) // called as json would not: on any bytes

		var s WeekdaySet
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		if !s.Valid() {
			t.Fatalf("decoded %q into an invalid set", data)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal %v: %v", s, err)
		}
		var back WeekdaySet
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("unmarshal %s: %v", b, err)
		}
		if back != s {
			t.Fatalf("%q -> %v -> %s -> %v", data, s, b, back)
		}
	})
}
