package clockify

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --- Duration ---

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"PT7H", 7 * time.Hour},
		{"PT7H30M", 7*time.Hour + 30*time.Minute},
		{"PT10H", 10 * time.Hour},
		{"PT0S", 0},
		{"PT0H", 0},
		{"P0D", 0},
		{"P1DT2H", 26 * time.Hour},
		{"PT7.5H", 7*time.Hour + 30*time.Minute},
		{"PT7,5H", 7*time.Hour + 30*time.Minute},
		{"PT0.5S", 500 * time.Millisecond},
		{"PT1H0.5S", time.Hour + 500*time.Millisecond},
		{"PT1.5S", 1500 * time.Millisecond},
		{"PT0.000000001S", time.Nanosecond},
		{"P1W", 7 * 24 * time.Hour},
		{"P1W1D", 8 * 24 * time.Hour},
		{"PT45M", 45 * time.Minute},
		{"PT90M", 90 * time.Minute},
		{"pt8h", 8 * time.Hour},
		{"PT2562047H47M16.854775807S", math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDuration(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Std())
		})
	}
}

func TestParseDuration_rejects(t *testing.T) {
	for _, in := range []string{
		"",
		"P",
		"PT",
		"P1DT",
		"P1Y",
		"P1M",
		"P1Y2M",
		"-PT1H",
		"PT-1H",
		"PT1.5H30M", // only the last component may have a fraction
		"PTH",
		"7H",
		"T7H",
		"PT1H1H",
		"PT1M1H",
		"P1D1W",
		"PT7",
		"P7H",   // hours need the T
		"PT1D",  // days must come before the T
		"PT1TH", // T twice
		"PT.5H",
		"PT5.H",
		"PT1.2.3H",
		"PT1e3S",
		"PT 7H",
		"PT7H ",
		"PT2562047H47M16.854775808S", // one nanosecond too long
		"PT9999999999999999999999H",
		"P99999999999999999999W",
		"PT99999999999999999999999999999999999999999999999999S",
	} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseDuration(in)
			assert.Error(t, err)
		})
	}
}

func TestDuration_String(t *testing.T) {
	tests := []struct {
		d    Duration
		want string
	}{
		{0, "PT0S"},
		{Hours(7.5), "PT7H30M"},
		{Hours(7), "PT7H"},
		{Duration(26 * time.Hour), "PT26H"},
		{Duration(1500 * time.Millisecond), "PT1.5S"},
		{Duration(500 * time.Millisecond), "PT0.5S"},
		{Duration(time.Hour + time.Second), "PT1H1S"},
		{Duration(time.Nanosecond), "PT0.000000001S"},
		{Duration(90 * time.Minute), "PT1H30M"},
		{Duration(math.MaxInt64), "PT2562047H47M16.854775807S"},
		{Duration(-time.Hour), "-PT1H"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.d.String())
	}
}

func TestDuration_hours(t *testing.T) {
	assert.Equal(t, Duration(7*time.Hour+30*time.Minute), Hours(7.5))
	assert.Equal(t, Duration(0), Hours(0))
	assert.Equal(t, 7.5, Hours(7.5).Hours())
	assert.Equal(t, 7*time.Hour+30*time.Minute, Hours(7.5).Std())
}

func TestHours_nonFiniteIsInvalid(t *testing.T) {
	for _, h := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e300, -1e300, 2.6e6} {
		d := Hours(h)
		assert.Equal(t, "INVALID", d.String(), h)
		_, err := json.Marshal(d)
		assert.ErrorIs(t, err, ErrInvalidInput, h)
	}
	assert.Equal(t, "PT2562047H", Hours(2562047).String(), "the longest whole-hour Duration is still valid")
}

// Capacities are checked before sending: within a day, whole seconds, and finite, with the
// value named in ISO-8601 as Clockify writes it.
func TestValidate_capacity(t *testing.T) {
	tests := []struct {
		name     string
		capacity Duration
		reason   string // "" when valid
	}{
		{"8 ns", Duration(8), "PT0.000000008S is not a whole number of seconds"},
		{"1.5 s", Duration(1500 * time.Millisecond), "PT1.5S is not a whole number of seconds"},
		{"25 hours", Hours(25), "PT25H is outside PT0S to PT24H"},
		{"negative", Hours(-1), "-PT1H is outside PT0S to PT24H"},
		{"NaN hours", Hours(math.NaN()), "is not a finite number of hours"},
		{"infinite hours", Hours(math.Inf(1)), "is not a finite number of hours"},
		{"zero", 0, ""},
		{"24 hours", Hours(24), ""},
		{"whole seconds", Duration(7*time.Hour + 30*time.Minute + 15*time.Second), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, mux := setup(t)
			var requests atomic.Int32
			mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
				requests.Add(1)
				assert.JSONEq(t, `{"workCapacity":"`+tt.capacity.String()+`"}`, readBody(t, r))
				fmt.Fprint(w, `{"workspaceNumber":1}`)
			})
			_, _, err := client.Profiles.Update(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(tt.capacity)})
			if tt.reason == "" {
				require.NoError(t, err)
				assert.EqualValues(t, 1, requests.Load())
				return
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.Equal(t, "WorkCapacity", ve.Field)
			assert.Contains(t, ve.Reason, tt.reason)
			assert.Zero(t, requests.Load(), "nothing may be sent")

			_, err = client.Members.AddLimited(ctx, "ws1", []LimitedMember{{Name: "Kim", WorkCapacity: Ptr(tt.capacity)}})
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "members[0].WorkCapacity", ve.Field)
			assert.Zero(t, requests.Load(), "nothing may be sent")
		})
	}
}

func TestDuration_JSON(t *testing.T) {
	type profile struct {
		WorkCapacity Duration `json:"workCapacity"`
	}
	b, err := json.Marshal(profile{Hours(7.5)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"workCapacity":"PT7H30M"}`, string(b))

	var p profile
	require.NoError(t, json.Unmarshal([]byte(`{"workCapacity":"PT10H"}`), &p))
	assert.Equal(t, Duration(10*time.Hour), p.WorkCapacity)

	p = profile{Hours(1)}
	require.NoError(t, json.Unmarshal([]byte(`{"workCapacity":null}`), &p))
	assert.Equal(t, Hours(1), p.WorkCapacity, "null leaves the value")
	require.NoError(t, json.Unmarshal([]byte(`{"workCapacity":""}`), &p))
	assert.Equal(t, Duration(0), p.WorkCapacity)

	assert.Error(t, json.Unmarshal([]byte(`{"workCapacity":"P1M"}`), &p))
	assert.Error(t, json.Unmarshal([]byte(`{"workCapacity":7}`), &p))

	_, err = json.Marshal(profile{Duration(-time.Hour)})
	assert.ErrorIs(t, err, ErrInvalidInput)
}

// FuzzParseDuration: parsing never panics, never yields a negative duration, and whatever
// parses prints to a string that parses back to the same duration.
func FuzzParseDuration(f *testing.F) {
	for _, seed := range []string{
		"PT7H", "PT7H30M", "PT10H", "PT0S", "P1DT2H", "PT7.5H", "PT0.5S", "P1W", "PT1H0.5S",
		"PT2562047H47M16.854775807S", "PT3000H0.000000001S", "", "P", "PT", "P1Y", "P1M", "-PT1H",
		"PT-1H", "PT1.5H30M", "PTH", "7H", "PT1H1H", "PT1M1H", "PT99999999999999999999H", "pt1,5h",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		if d < 0 {
			t.Fatalf("ParseDuration(%q) = %d, negative", s, int64(d))
		}
		back, err := ParseDuration(d.String())
		if err != nil {
			t.Fatalf("ParseDuration(%q) = %s, which does not parse: %v", s, d, err)
		}
		if back != d {
			t.Fatalf("ParseDuration(%q) = %d; %s parses as %d", s, int64(d), d, int64(back))
		}
	})
}

func BenchmarkParseDuration(b *testing.B) {
	for b.Loop() {
		if _, err := ParseDuration("P1DT7H30M15.5S"); err != nil {
			b.Fatal(err)
		}
	}
}
