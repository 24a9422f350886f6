package clockify_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// requestBudget is a workspace of 1,000 active members plus a few inactive and pending ones,
// and a roster of all of them that manages 100 active members' profiles (a third of them also
// their rate and group) and, blocked, the profiles of the owner and of every inactive and
// pending member.
type requestBudget struct {
	srv     *clockifytest.Server
	c       *clockify.Client
	ws      string
	specs   []clockify.MemberSpec
	managed int             // active, unblocked members whose profile the roster manages
	blocked map[string]bool // ids of members whose profile change the list blocks
}

func newRequestBudget(t *testing.T) *requestBudget {
	t.Helper()
	srv := clockifytest.NewServer(clockifytest.WithGeneratedMembers(1000))
	t.Cleanup(srv.Close)
	b := &requestBudget{srv: srv, c: srv.Client(fastOpts...), ws: srv.WorkspaceID(), blocked: map[string]bool{}}
	for i := range 5 {
		b.blocked[srv.AddMember(b.ws, clockifytest.MemberSeed{Name: fmt.Sprintf("Gone %d", i), MembershipStatus: clockifytest.MembershipInactive})] = true
		b.blocked[srv.AddMember(b.ws, clockifytest.MemberSeed{Email: fmt.Sprintf("invited%d@team.example.com", i), MembershipStatus: clockifytest.MembershipPending})] = true
	}
	b.blocked[srv.OwnerID()] = true
	group := srv.AddUserGroup(b.ws, clockifytest.GroupSeed{Name: "Budget"})
	profile := &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(7))}
	for _, m := range srv.Members(b.ws) {
		sp := clockify.MemberSpec{Email: m.Email}
		switch {
		case b.blocked[m.ID]:
			sp.Profile = profile
		case b.managed < 100:
			sp.Profile = profile
			if b.managed%3 == 0 {
				sp.HourlyRate, sp.Groups = clockify.Ptr[int64](6100), []string{group}
			}
			b.managed++
		}
		b.specs = append(b.specs, sp)
	}
	require.Equal(t, 100, b.managed)
	return b
}

// profileReads are the ids whose profile the requests read.
func profileReads(reqs []clockifytest.RecordedRequest) []string {
	var ids []string
	for _, r := range reqs {
		if r.Method == http.MethodGet && strings.Contains(r.Path, "/member-profile/") {
			ids = append(ids, r.Path[strings.LastIndex(r.Path, "/")+1:])
		}
	}
	return ids
}

func TestPlanRoster_sendsOneProfileReadPerManagedUnblockedMemberPlusEight(t *testing.T) {
	b := newRequestBudget(t)
	b.srv.ResetRequests()
	plan, err := b.c.Members.PlanRoster(context.Background(), b.ws, b.specs, nil)
	require.NoError(t, err)
	reqs := b.srv.Requests()
	reads := profileReads(reqs)
	assert.Len(t, reads, b.managed)
	for _, id := range reads {
		assert.False(t, b.blocked[id], "read the profile of %s, whose change the list blocks", id)
	}
	assert.LessOrEqual(t, len(reqs), b.managed+8, "%d requests", len(reqs))
	assert.Len(t, plan.Blocked(), len(b.blocked), "%s", plan)
	t.Logf("plan: %d requests, %d profile reads", len(reqs), len(reads))
}

func TestApplyRoster_sendsItsWritesOneReReadPerProfileWriteAndSixMore(t *testing.T) {
	b := newRequestBudget(t)
	plan, err := b.c.Members.PlanRoster(context.Background(), b.ws, b.specs, nil)
	require.NoError(t, err)
	b.srv.ResetRequests()
	for _, r := range b.c.Members.ApplyRoster(context.Background(), plan, nil) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err, "%s %s", r.Action.Kind, r.Action.Email)
		}
	}
	reqs := b.srv.Requests()
	writes, profileWrites := 0, 0
	for _, r := range reqs {
		if r.Method != http.MethodGet && !strings.HasSuffix(r.Path, "/users/info") {
			writes++
			if strings.Contains(r.Path, "/member-profile/") {
				profileWrites++
			}
		}
	}
	assert.Equal(t, plan.Pending(), writes)
	assert.Equal(t, b.managed, profileWrites)
	assert.Len(t, profileReads(reqs), profileWrites, "one re-read per profile write")
	assert.LessOrEqual(t, len(reqs), writes+profileWrites+6, "%d requests", len(reqs))
	t.Logf("apply: %d requests, %d writes, %d profile writes", len(reqs), writes, profileWrites)
}

// The plan's search of owners and admins answers whether the caller may make changes, for the
// plan and for the rule checks that follow: no separate rights lookup is sent.
func TestPlanRoster_oneCallerRightsAnswer(t *testing.T) {
	srv := demoServer(t)
	for as, want := range map[string]error{clockifytest.DemoAdminID: nil, clockifytest.DemoTeamManagerID: clockify.ErrAdminOnly} {
		c := srv.ClientAs(as, fastOpts...)
		srv.ResetRequests()
		planRoster(t, c, demoAsIs(), nil)
		err := c.Profiles.Check(context.Background(), rosterWS, clockifytest.DemoMemberID,
			&clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))})
		if want == nil {
			require.NoError(t, err)
		} else {
			require.ErrorIs(t, err, want)
		}
		for _, r := range srv.Requests() {
			assert.False(t, r.Path == "/v1/workspaces" && r.Query.Has("roles"), "a rights lookup for %s", as)
		}
	}
}

// A page of 5,000 members larger than the client's response limit does not fail the plan: the
// list is read again in smaller pages.
func TestPlanRoster_pageTooLargeIsReadInSmallerPages(t *testing.T) {
	srv := clockifytest.NewServer(clockifytest.WithGeneratedMembers(1000))
	t.Cleanup(srv.Close)
	ws := srv.WorkspaceID()
	c := srv.Client(append(fastOpts, clockify.WithMaxResponseBytes(400<<10))...)
	var specs []clockify.MemberSpec
	for _, m := range srv.Members(ws) {
		specs = append(specs, clockify.MemberSpec{Email: m.Email, HourlyRate: clockify.Ptr[int64](6100)})
	}
	plan, err := c.Members.PlanRoster(context.Background(), ws, specs, nil)
	require.NoError(t, err)
	assert.Equal(t, len(specs), len(plan.Actions), "one rate action a member (the owner's blocked)")
	var sizes []string
	for _, r := range srv.Requests() {
		if r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/users") {
			sizes = append(sizes, r.Query.Get("page-size"))
		}
	}
	assert.Equal(t, "5000", sizes[0])
	assert.Contains(t, sizes, "500")
}
