package clockify

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDuration_textRoundTrip(t *testing.T) {
	for _, d := range []Duration{0, Hours(7.5), Hours(24), Duration(1), Duration(90 * time.Second), Hours(26)} {
		b, err := d.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, d.String(), string(b))
		var got Duration
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, d, got)
	}
}

func TestDuration_unmarshalTextReadsISO8601AsParseDurationDoes(t *testing.T) {
	for s, want := range map[string]Duration{"PT7H30M": Hours(7.5), "pt8h": Hours(8), "P1D": Hours(24), "PT0S": 0} {
		var d Duration
		require.NoError(t, d.UnmarshalText([]byte(s)), s)
		assert.Equal(t, want, d, s)
	}
	for _, s := range []string{"", "7h", "8", "-PT1H", "P1M", "PT"} {
		d := Hours(3)
		assert.Error(t, d.UnmarshalText([]byte(s)), s)
		assert.Equal(t, Hours(3), d, "a refused text leaves the value")
	}
}

// What MarshalJSON refuses, MarshalText refuses too, with the same *ValidationError.
func TestDuration_marshalTextRefusesNegativeAndInvalid(t *testing.T) {
	for _, d := range []Duration{-Duration(time.Hour), Hours(math.NaN())} {
		_, err := d.MarshalText()
		assert.ErrorIs(t, err, ErrInvalidInput, d.String())
		_, jerr := d.MarshalJSON()
		assert.Equal(t, jerr, err)
	}
}
