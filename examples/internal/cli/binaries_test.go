package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// examples are the example programs, each of which uses this package.
var examples = []string{"audit", "bulk-capacity", "offboard", "onboard", "quickstart", "roster-sync"}

// TestExamplesAsBuilt builds every example and runs it as a user would, to check what the
// process itself reports: its exit status and where its text goes.
func TestExamplesAsBuilt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the examples")
	}
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", dir+string(filepath.Separator), "github.com/clockify-go/clockify/examples/...")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))

	run := func(name string, args ...string) (code int, stdout, stderr string) {
		cmd := exec.Command(filepath.Join(dir, name), args...)
		cmd.Env = append(os.Environ(), "CLOCKIFY_API_KEY=", "CLOCKIFY_ADDON_TOKEN=")
		var o, e strings.Builder
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), o.String(), e.String()
		}
		require.NoError(t, err)
		return 0, o.String(), e.String()
	}

	for _, name := range examples {
		code, stdout, stderr := run(name, "-h")
		assert.Equal(t, ExitOK, code, name)
		assert.Empty(t, stderr, name)
		for _, want := range []string{"Usage: " + name, "CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID", ExitCodes} {
			assert.Contains(t, stdout, want, name)
		}

		code, stdout, stderr = run(name, "-bogus")
		assert.Equal(t, ExitUsage, code, name)
		assert.Empty(t, stdout, "%s did not run", name)
		assert.Contains(t, stderr, name+": flag provided but not defined: -bogus\nRun '"+name+" -h' for help.", name)

		code, stdout, _ = run(name, "x@example.com", "y@example.com")
		assert.Equal(t, ExitUsage, code, "%s: an extra argument", name)
		assert.Empty(t, stdout, name)
	}

	code, stdout, stderr := run("offboard", "nobody@example.com")
	assert.Equal(t, ExitError, code, "no such member, offline too")
	assert.NotContains(t, stdout, "Offboarding")
	assert.Contains(t, stderr, "has the e-mail nobody@example.com; nothing was changed")

	code, _, stderr = run("bulk-capacity", "-capacity", "PT25H")
	assert.Equal(t, ExitUsage, code, "a capacity Clockify refuses changes nothing")
	assert.Contains(t, stderr, "-capacity PT25H")

	code, _, _ = run("roster-sync", "-csv", filepath.Join(dir, "missing.csv"))
	assert.Equal(t, ExitUsage, code, "a missing roster file")
}

// The README's Examples section lists every example and the exit codes this package gives.
func TestREADMEListsExamplesAndExitCodes(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "README.md"))
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(readme), "\n## Examples\n")
	require.True(t, ok, "an Examples section")
	section, _, _ = strings.Cut(section, "\n## ")
	for _, name := range examples {
		assert.Contains(t, section, "| ["+name+"](examples/"+name+") |")
	}
	for _, row := range []string{"| 0 | done", "| 1 | error", "| 2 | bad usage", "| 3 | refused"} {
		assert.Contains(t, section, row)
	}
	for _, v := range []string{"CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID"} {
		assert.Contains(t, section, v)
	}
}
