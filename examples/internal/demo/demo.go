// Package demo holds what the examples share: running against the real API or, without
// CLOCKIFY_API_KEY, the offline clockifytest demo server, and naming the rule behind a refusal
// the way a program would branch on it.
package demo

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/cli"
)

// Env is where an example runs.
type Env struct {
	Client      *clockify.Client
	WorkspaceID string
	// Server is the demo server offline; nil against the real API.
	Server *clockifytest.Server
}

// Connect returns the real API's Env when CLOCKIFY_API_KEY is set (the client from the
// environment, the workspace CLOCKIFY_WORKSPACE_ID, which must be set too: a *cli.UsageError
// otherwise), else the owner's client on the demo server newServer starts
// (clockifytest.NewDemoServer when nil). It says which on out; opts apply to the client either
// way. Close the Env when done.
func Connect(out io.Writer, newServer func() *clockifytest.Server, opts ...clockify.Option) (*Env, error) {
	if os.Getenv("CLOCKIFY_API_KEY") != "" {
		wsID := os.Getenv("CLOCKIFY_WORKSPACE_ID")
		if wsID == "" {
			return nil, cli.Usagef("set CLOCKIFY_WORKSPACE_ID along with CLOCKIFY_API_KEY")
		}
		c, err := clockify.NewClientFromEnv(opts...)
		if err != nil {
			return nil, err
		}
		fmt.Fprintln(out, "Using the real Clockify API, workspace", wsID)
		return &Env{Client: c, WorkspaceID: wsID}, nil
	}
	if newServer == nil {
		newServer = func() *clockifytest.Server { return clockifytest.NewDemoServer() }
	}
	srv := newServer()
	fmt.Fprintln(out, "CLOCKIFY_API_KEY is not set: using the offline demo server (clockifytest)")
	return &Env{Client: srv.Client(opts...), WorkspaceID: clockifytest.DemoWorkspaceID, Server: srv}, nil
}

// Offline reports whether e is the demo server.
func (e *Env) Offline() bool { return e.Server != nil }

// Close stops the demo server, if any.
func (e *Env) Close() {
	if e.Server != nil {
		e.Server.Close()
	}
}

// rules are the SDK's rule errors by name; ErrInvalidInput, the broadest, last.
var rules = []struct {
	rule error
	name string
}{
	{clockify.ErrAdminOnly, "ErrAdminOnly"},
	{clockify.ErrOwnerOnly, "ErrOwnerOnly"},
	{clockify.ErrOwnerImmutable, "ErrOwnerImmutable"},
	{clockify.ErrOwnerProfile, "ErrOwnerProfile"},
	{clockify.ErrInvitationPending, "ErrInvitationPending"},
	{clockify.ErrMustDeactivateFirst, "ErrMustDeactivateFirst"},
	{clockify.ErrRemovedInCAKE, "ErrRemovedInCAKE"},
	{clockify.ErrPaidFeature, "ErrPaidFeature"},
	{clockify.ErrPendingApprovals, "ErrPendingApprovals"},
	{clockify.ErrMultipleWorkspaces, "ErrMultipleWorkspaces"},
	{clockify.ErrMemberInactive, "ErrMemberInactive"},
	{clockify.ErrLimitedMemberOnly, "ErrLimitedMemberOnly"},
	{clockify.ErrNoRunningTimer, "ErrNoRunningTimer"},
	{clockify.ErrEndBeforeStart, "ErrEndBeforeStart"},
	{clockify.ErrInvalidInput, "ErrInvalidInput"},
}

// Explain names the rule behind err, then says what err says: "accepted" for nil,
// "ErrOwnerOnly: clockify: only the workspace owner …" for a rule, err's text otherwise; as
// printable text (cli.Printable), since errors quote names from Clockify.
// (The SDK's message for ErrAdminOnly already says to use an Admin's or the Owner's key.)
func Explain(err error) string {
	if err == nil {
		return "accepted"
	}
	for _, r := range rules {
		if errors.Is(err, r.rule) {
			return cli.Printable(r.name + ": " + err.Error())
		}
	}
	return cli.Printable(err.Error())
}

// Reason is the rule that refused err in the rule's own words ("member is inactive"), the
// same for every member it refused; err's printable text (cli.Printable) when no rule did.
func Reason(err error) string {
	for _, r := range rules {
		if r.rule != clockify.ErrInvalidInput && errors.Is(err, r.rule) {
			return strings.TrimPrefix(r.rule.Error(), "clockify: ")
		}
	}
	return cli.Printable(err.Error())
}

// EveryAccount is every account status Clockify documents, limited and deleted accounts
// included: listing with it shows members Clockify's default listing hides.
func EveryAccount() []clockify.AccountStatus {
	return []clockify.AccountStatus{clockify.AccountActive, clockify.AccountPendingEmailVerification,
		clockify.AccountNotRegistered, clockify.AccountDeleted, clockify.AccountLimited, clockify.AccountLimitedDeleted}
}

// ActiveAccounts are the account statuses of a workspace's current team: Clockify's default
// (ACTIVE, PENDING_EMAIL_VERIFICATION, NOT_REGISTERED) plus LIMITED, which the default leaves
// out, so that limited (kiosk) members are counted too.
func ActiveAccounts() []clockify.AccountStatus {
	return []clockify.AccountStatus{clockify.AccountActive, clockify.AccountPendingEmailVerification,
		clockify.AccountNotRegistered, clockify.AccountLimited}
}
