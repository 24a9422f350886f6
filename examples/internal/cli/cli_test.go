package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

var cmd = &Command{Name: "tool", Synopsis: "[-apply] [EMAIL]", About: "Tool does a thing.",
	Env: []Var{{Name: "TOOL_EXTRA", Meaning: "an extra setting"}}, MaxArgs: 1}

func parse(args ...string) (apply bool, rest []string, help string, err error) {
	fs := cmd.FlagSet()
	a := fs.Bool("apply", false, "make the changes")
	var out strings.Builder
	rest, err = cmd.Parse(fs, args, &out)
	return *a, rest, out.String(), err
}

func TestParse(t *testing.T) {
	apply, rest, _, err := parse("-apply", "a@example.com")
	require.NoError(t, err)
	assert.True(t, apply)
	assert.Equal(t, []string{"a@example.com"}, rest)

	for name, args := range map[string][]string{
		"unknown flag":       {"-bogus"},
		"bad flag value":     {"-apply=maybe"},
		"extra argument":     {"a@example.com", "b@example.com"},
		"flag after the arg": {"a@example.com", "-apply"},
	} {
		_, _, help, err := parse(args...)
		var uerr *UsageError
		assert.ErrorAs(t, err, &uerr, name)
		assert.Equal(t, ExitUsage, Code(err), name)
		assert.Empty(t, help, name)
	}
	_, _, _, err = parse("a@example.com", "-apply")
	assert.ErrorContains(t, err, `unexpected argument "-apply" (flags go before arguments)`)
}

func TestHelpSaysWhatWhichFlagsWhichEnvironmentAndExitCodes(t *testing.T) {
	for _, h := range []string{"-h", "-help", "--help"} {
		_, _, help, err := parse(h)
		require.ErrorIs(t, err, flag.ErrHelp)
		assert.Equal(t, ExitOK, Code(err))
		for _, want := range []string{"Usage: tool [-apply] [EMAIL]", "Tool does a thing.", "-apply", "make the changes",
			"CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID", "TOOL_EXTRA", "an extra setting", "Exit status:",
			"2  bad usage", "3  refused (in a plan: blocked) by a Clockify rule"} {
			assert.Contains(t, help, want, h)
		}
	}
}

// refusals returns a refusal the server made and one the SDK made before sending.
func refusals(t *testing.T) (afterSending, beforeSending error) {
	srv := clockifytest.NewDemoServer()
	t.Cleanup(srv.Close)
	ctx := context.Background()
	_, _, afterSending = srv.Client().Members.Deactivate(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoOwnerID)
	require.ErrorIs(t, afterSending, clockify.ErrOwnerImmutable)
	beforeSending = srv.Client().Profiles.Check(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoInvitedID,
		&clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))})
	require.ErrorIs(t, beforeSending, clockify.ErrInvitationPending)
	return afterSending, beforeSending
}

func TestCode(t *testing.T) {
	after, before := refusals(t)
	for _, tc := range []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, ExitOK},
		{"help", flag.ErrHelp, ExitOK},
		{"an error", errors.New("boom"), ExitError},
		{"not found", clockify.ErrNotFound, ExitError},
		{"usage", Usagef("bad -days %q", "FUNDAY"), ExitUsage},
		{"wrapped usage", fmt.Errorf("x: %w", Usagef("bad")), ExitUsage},
		{"refused by the server", after, ExitRefused},
		{"refused before sending", before, ExitRefused},
		{"wrapped refusal", fmt.Errorf("step: %w", after), ExitRefused},
		{"refusals joined", errors.Join(after, before), ExitRefused},
		{"a refusal and an error", errors.Join(after, errors.New("boom")), ExitError},
		{"reported refusals", Reported("2 refused", after, before), ExitRefused},
		{"reported with an error", Reported("2 failed", after, clockify.ErrNotFound), ExitError},
		{"reported, nothing wrapped", Reported("nothing changed"), ExitError},
	} {
		assert.Equal(t, tc.want, Code(tc.err), tc.name)
	}
}

func TestExitReportsOnStderr(t *testing.T) {
	var stderr strings.Builder
	assert.Equal(t, ExitOK, cmd.Exit(nil, &stderr))
	assert.Equal(t, ExitOK, cmd.Exit(flag.ErrHelp, &stderr))
	assert.Empty(t, stderr.String())

	assert.Equal(t, ExitUsage, cmd.Exit(Usagef("no e-mail"), &stderr))
	assert.Equal(t, "tool: no e-mail\nRun 'tool -h' for help.\n", stderr.String())

	stderr.Reset()
	assert.Equal(t, ExitError, cmd.Exit(errors.New("boom"), &stderr))
	assert.Equal(t, "tool: boom\n", stderr.String())
}
