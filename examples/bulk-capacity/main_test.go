package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/clockify-go/clockify/examples/internal/exampletest"
)

func bulk(args ...string) (code int, out, stderr string) {
	return exampletest.Run(realMain, args...)
}

func TestBulkCapacityOffline_refusalsExitThree(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := bulk("-capacity", "PT6H", "-days", "MONDAY,TUESDAY,WEDNESDAY")
	assert.Equal(t, 3, code, "some changes were refused by Clockify's rules")
	assert.Contains(t, got, "210 members: capacity PT6H, working days MONDAY,TUESDAY,WEDNESDAY")
	assert.Contains(t, got, "changed: 207")
	assert.Contains(t, got, "refused (invitation not accepted yet): leo.dubois@example.com")
	assert.Contains(t, got, "refused (member is inactive): Oliver Grant")
	assert.Contains(t, got, "refused (the owner's profile cannot be edited): Maya Lindqvist")
	assert.Contains(t, stderr, "bulk-capacity: 3 of 210 changes were not made")
	assert.Contains(t, stderr, "[########################################] 210/210")
}

func TestBulkCapacityOffline_everyChangeMadeExitsZero(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := bulk("-name", "Emma Schultz", "-capacity", "PT5H")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "1 members: capacity PT5H")
	assert.Contains(t, got, "changed: 1")
}

func TestBulkCapacity_noMatchIsAnError(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, _, stderr := bulk("-name", "Nobody At All")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `no member's name contains "Nobody At All": nothing was changed`)
}

func TestBulkCapacity_dryRunWritesNothingApplyWrites(t *testing.T) {
	srv := exampletest.APIServer(t)
	code, got, stderr := bulk("-name", "Emma Schultz")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "dry run: add -apply")
	for _, r := range srv.Requests() {
		assert.Equal(t, http.MethodGet, r.Method, r.Path)
	}
	code, got, stderr = bulk("-name", "Emma Schultz", "-apply")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "changed: 1")
}

func TestBulkCapacity_badFlagsExitTwoAndSendNothing(t *testing.T) {
	n := exampletest.NoRequests(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-capacity", "PT25H", "-apply"}, "-capacity PT25H: use a whole number of seconds from PT0S to PT24H"},
		{[]string{"-capacity", "7.5 hours"}, "-capacity: "},
		{[]string{"-days", "MONDAY,FUNDAY"}, "FUNDAY"},
		{[]string{"-bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"everyone"}, `unexpected argument "everyone"`},
	} {
		code, out, stderr := bulk(tc.args...)
		assert.Equal(t, 2, code, tc.args)
		assert.Contains(t, stderr, tc.want, tc.args)
		assert.Contains(t, stderr, "Run 'bulk-capacity -h' for help.", tc.args)
		assert.Empty(t, out, tc.args)
	}
	assert.Zero(t, n.Load(), "no request for bad flags")
}

func TestBulkCapacityHelp(t *testing.T) {
	code, help, _ := bulk("-h")
	assert.Equal(t, 0, code)
	for _, want := range []string{"Usage: bulk-capacity", "sets the daily work capacity", "-capacity", "-days", "-name",
		"-apply", "CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID", "Exit status:"} {
		assert.Contains(t, help, want)
	}
}
