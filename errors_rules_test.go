package clockify

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRuleCodes_eachNamesItsOwnSentinel(t *testing.T) {
	codes := RuleCodes()
	require.NotEmpty(t, codes)
	seenCode, seenErr := map[RuleCode]bool{}, map[error]bool{}
	for _, code := range codes {
		assert.False(t, seenCode[code], "code %s twice", code)
		seenCode[code] = true
		sentinel := code.Err()
		require.NotNil(t, sentinel, code)
		assert.False(t, seenErr[sentinel], "sentinel of %s twice", code)
		seenErr[sentinel] = true
		assert.True(t, code.Valid())
		assert.Equal(t, string(code), code.String())

		err := fmt.Errorf("clockify: context: %w", &RestrictionError{Rule: sentinel, UserID: "u1"})
		assert.Equal(t, code, RuleOf(err))
		assert.ErrorIs(t, err, sentinel)
	}
}

func TestRuleOf_notARuleRefusal(t *testing.T) {
	unknown := RuleCode("no_such_rule")
	assert.False(t, unknown.Valid())
	assert.Nil(t, unknown.Err())
	assert.Equal(t, RuleCode(""), RuleOf(nil))
	assert.Equal(t, RuleCode(""), RuleOf(&APIError{StatusCode: 403}))
	assert.Equal(t, RuleCode(""), RuleOf(ErrPendingApprovals), "a bare sentinel is not a refusal")
	assert.Equal(t, RuleCode(""), RuleOf(&RestrictionError{Rule: errors.New("clockify: rule from a newer SDK")}))
	assert.Equal(t, RuleCode(""), (*RestrictionError)(nil).Code())
}

// TestREADME_listsEveryRuleCode: the README's table of rules has a row for every code.
func TestREADME_listsEveryRuleCode(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	for _, code := range RuleCodes() {
		assert.Contains(t, string(readme), "| `"+string(code)+"` |", "README has no row for %s", code)
	}
}
