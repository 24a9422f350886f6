package clockify_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// The admin-only rule against the demo team: only the owner and admins invite, add limited
// members, activate and deactivate, set rates, manage group membership, set another member's
// custom-field value, edit profiles and assign or remove roles. Every other key, team and
// project managers included, meets a 403 that comes back named ErrAdminOnly.

// target is the member the refused operations are about: an ordinary member none of the
// callers below is.
const target = clockifytest.DemoPendingApprovalsID

// nonAdmins are the keys that may not administer the demo workspace.
var nonAdmins = map[string]string{
	"plain member":    clockifytest.DemoMemberID,
	"team manager":    clockifytest.DemoTeamManagerID,
	"project manager": clockifytest.DemoProjectManagerID,
}

// adminOnlyOps are the admin-only operations, each called on the demo workspace.
var adminOnlyOps = []struct {
	name string
	call func(c *clockify.Client, caller string) error
}{
	{"Members.Invite", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.Invite(bctx, demoWS, "new.hire@acme.example", nil)
		return err
	}},
	{"Members.AddLimited", func(c *clockify.Client, _ string) error {
		_, err := c.Members.AddLimited(bctx, demoWS, []clockify.LimitedMember{{Name: "Kiosk Kim"}})
		return err
	}},
	{"Members.Activate", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.Activate(bctx, demoWS, clockifytest.DemoInactiveID)
		return err
	}},
	{"Members.Deactivate", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.Deactivate(bctx, demoWS, target)
		return err
	}},
	{"Members.Remove", func(c *clockify.Client, _ string) error {
		_, err := c.Members.Remove(bctx, demoWS, clockifytest.DemoInactiveID)
		return err
	}},
	{"Members.SetHourlyRate", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.SetHourlyRate(bctx, demoWS, target, clockify.RateChange{Amount: 4000})
		return err
	}},
	{"Members.SetCostRate", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.SetCostRate(bctx, demoWS, target, clockify.RateChange{Amount: 2500})
		return err
	}},
	{"Members.SetCustomField", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.SetCustomField(bctx, demoWS, target, clockifytest.DemoCustomFieldID, "Sales")
		return err
	}},
	{"Members.AddToGroup", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.AddToGroup(bctx, demoWS, target, clockifytest.DemoGroupID)
		return err
	}},
	{"Members.RemoveFromGroup", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.RemoveFromGroup(bctx, demoWS, target, clockifytest.DemoGroupID)
		return err
	}},
	{"Profiles.Update", func(c *clockify.Client, _ string) error {
		_, _, err := c.Profiles.Update(bctx, demoWS, target, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))})
		return err
	}},
	{"Roles.Assign", func(c *clockify.Client, _ string) error {
		_, _, err := c.Roles.Assign(bctx, demoWS, target, clockify.ProjectManagerOf(clockifytest.DemoProjectID))
		return err
	}},
	{"Roles.Assign admin", func(c *clockify.Client, _ string) error {
		_, _, err := c.Roles.Assign(bctx, demoWS, target, clockify.WorkspaceAdmin(demoWS))
		return err
	}},
	{"Roles.Remove", func(c *clockify.Client, _ string) error {
		_, err := c.Roles.Remove(bctx, demoWS, clockifytest.DemoTeamManagerID, clockify.TeamManagerOf(clockifytest.DemoMemberID))
		return err
	}},
	{"Members.SetProjectHourlyRate", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.SetProjectHourlyRate(bctx, demoWS, clockifytest.DemoProjectID, clockifytest.DemoMemberID, clockify.RateChange{Amount: 5000})
		return err
	}},
	{"Members.SetProjectCostRate", func(c *clockify.Client, _ string) error {
		_, _, err := c.Members.SetProjectCostRate(bctx, demoWS, clockifytest.DemoProjectID, clockifytest.DemoMemberID, clockify.RateChange{Amount: 3000})
		return err
	}},
	{"Groups.Create", func(c *clockify.Client, _ string) error {
		_, _, err := c.Groups.Create(bctx, demoWS, "Contractors")
		return err
	}},
	{"Groups.Rename", func(c *clockify.Client, _ string) error {
		_, _, err := c.Groups.Rename(bctx, demoWS, clockifytest.DemoGroupID, "Studio")
		return err
	}},
	{"Groups.Delete", func(c *clockify.Client, _ string) error {
		_, _, err := c.Groups.Delete(bctx, demoWS, clockifytest.DemoKioskGroupID)
		return err
	}},
	{"Members.StopTimer of another member", func(c *clockify.Client, caller string) error {
		other := clockifytest.DemoMemberID
		if caller == other {
			other = clockifytest.DemoTeamManagerID
		}
		_, _, err := c.Members.StopTimer(bctx, demoWS, other, time.Now())
		return err
	}},
}

// rightsLookups counts the reads of the caller's rights srv received.
func rightsLookups(srv *clockifytest.Server) int {
	return len(sentTo(srv, http.MethodGet, "/v1/workspaces"))
}

// writes are the requests srv received that could change something.
func writes(srv *clockifytest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		if r.Method != http.MethodGet && r.Path != "/v1/workspaces/"+demoWS+"/users/info" {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}

func TestAdminOnly_everyOperationRefusesNonAdmins(t *testing.T) {
	t.Parallel()
	for who, id := range nonAdmins {
		t.Run(who, func(t *testing.T) {
			t.Parallel()
			srv := demoServer(t)
			c := srv.ClientAs(id, fastOpts...)
			for _, op := range adminOnlyOps {
				err := op.call(c, id)
				require.Error(t, err, op.name)
				assert.ErrorIs(t, err, clockify.ErrAdminOnly, op.name)
				assert.ErrorIs(t, err, clockify.ErrForbidden, "%s: the server's 403 is kept", op.name)
				var re *clockify.RestrictionError
				require.ErrorAs(t, err, &re, op.name)
				require.NotNil(t, re.Err, op.name)
				assert.Equal(t, http.StatusForbidden, re.Err.StatusCode, op.name)
				assert.Contains(t, err.Error(), "Admin's or the Owner's API key", op.name)
			}
			assert.Equal(t, 1, rightsLookups(srv), "one reading of the caller's rights for %d refusals", len(adminOnlyOps))
		})
	}
}

// The owner and an admin are never told ErrAdminOnly: their 403s have other reasons.
func TestAdminOnly_adminsAreNotNamed(t *testing.T) {
	t.Parallel()
	for who, id := range map[string]string{"owner": clockifytest.DemoOwnerID, "admin": clockifytest.DemoAdminID} {
		t.Run(who, func(t *testing.T) {
			t.Parallel()
			srv := demoServer(t)
			srv.SetFeatures(demoWS, clockifytest.FeatureEditMemberProfile)
			c := srv.ClientAs(id, fastOpts...)
			_, _, err := c.Members.SetCostRate(bctx, demoWS, target, clockify.RateChange{Amount: 2500})
			assertRestriction(t, err, clockify.ErrPaidFeature, target)
			assert.NotErrorIs(t, err, clockify.ErrAdminOnly)
			assert.ErrorIs(t, err, clockify.ErrForbidden)
		})
	}
}

// Check names the rule before anything is sent, whoever the member and whatever the change.
func TestAdminOnly_checkBeforeSending(t *testing.T) {
	t.Parallel()
	for who, id := range nonAdmins {
		t.Run(who, func(t *testing.T) {
			t.Parallel()
			srv := demoServer(t)
			c := srv.ClientAs(id, fastOpts...)
			for _, u := range []*clockify.ProfileUpdate{
				{WorkCapacity: clockify.Ptr(clockify.Hours(6))},
				{WeekStart: clockify.Ptr(clockify.Sunday)},
			} {
				for _, member := range []string{target, id} { // their own profile too
					err := c.Profiles.Check(bctx, demoWS, member, u)
					re := assertRestriction(t, err, clockify.ErrAdminOnly, member)
					assert.Nil(t, re.Err, "nothing was sent")
					assert.NotErrorIs(t, err, clockify.ErrForbidden, "nothing was refused")
				}
			}
			assert.Empty(t, writes(srv), "Check writes nothing")
			assert.Equal(t, 1, rightsLookups(srv), "the rights are read once: %v", srv.Requests())
			assert.Len(t, srv.Requests(), 1, "nothing but the caller's rights is read")
		})
	}
}

// Many goroutines meeting refusals at once share one reading of the caller's rights.
func TestAdminOnly_concurrentRefusalsShareOneLookup(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	c := srv.ClientAs(clockifytest.DemoTeamManagerID, fastOpts...)
	var wg sync.WaitGroup
	errs := make([]error, 16)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, errs[i] = c.Members.SetHourlyRate(bctx, demoWS, target, clockify.RateChange{Amount: int64(1000 + i)})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		assert.ErrorIs(t, err, clockify.ErrAdminOnly)
	}
	assert.Equal(t, 1, rightsLookups(srv))
}

// A team manager made admin rotates to a new key: the client forgets the rights it read, the
// operation succeeds, and the next diagnosis reads the rights again.
func TestAdminOnly_rotatedKeyRereadsTheRights(t *testing.T) {
	t.Parallel()
	srv, owner := demo(t)
	tm := clockifytest.DemoTeamManagerID
	c := srv.ClientAs(tm, fastOpts...)

	_, _, err := c.Members.Deactivate(bctx, demoWS, target)
	assertRestriction(t, err, clockify.ErrAdminOnly, target)
	require.Equal(t, 1, rightsLookups(srv))

	_, _, err = owner.Roles.Assign(bctx, demoWS, tm, clockify.WorkspaceAdmin(demoWS))
	require.NoError(t, err)
	require.NoError(t, c.APIKeys.Rotate(bctx, srv.IssueKey(tm)))

	_, _, err = c.Members.Deactivate(bctx, demoWS, target)
	require.NoError(t, err, "the admin's key deactivates")
	m, ok := srv.Member(demoWS, target)
	require.True(t, ok)
	assert.Equal(t, "INACTIVE", m.MembershipStatus)
	assert.Equal(t, 1, rightsLookups(srv), "a write that succeeds reads no rights")

	// A 403 for another reason: the rights are read again and the real rule is named.
	srv.SetFeatures(demoWS, clockifytest.FeatureEditMemberProfile)
	_, _, err = c.Members.SetCostRate(bctx, demoWS, clockifytest.DemoMemberID, clockify.RateChange{Amount: 2500})
	assertRestriction(t, err, clockify.ErrPaidFeature, clockifytest.DemoMemberID)
	assert.NotErrorIs(t, err, clockify.ErrAdminOnly)
	assert.Equal(t, 2, rightsLookups(srv), "the rotation dropped the rights read with the old key")
}

// A lookup cut short by its caller's context is no answer: the next run asks again.
func TestAdminOnly_cancelledLookupIsNotKept(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	c := srv.ClientAs(clockifytest.DemoMemberID, fastOpts...)
	done, cancel := context.WithCancel(bctx)
	cancel()
	require.Error(t, c.Profiles.Check(done, demoWS, target, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}))

	err := c.Profiles.Check(bctx, demoWS, target, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))})
	assertRestriction(t, err, clockify.ErrAdminOnly, target)
}

// The happy path costs nothing: an admin's writes that succeed never read the caller's rights.
func TestAdminOnly_successCostsNoLookup(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	c := srv.ClientAs(clockifytest.DemoAdminID, fastOpts...)
	_, _, err := c.Members.SetHourlyRate(bctx, demoWS, target, clockify.RateChange{Amount: 4000})
	require.NoError(t, err)
	_, _, err = c.Members.AddToGroup(bctx, demoWS, target, clockifytest.DemoGroupID)
	require.NoError(t, err)
	_, _, err = c.Profiles.Update(bctx, demoWS, target, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))})
	require.NoError(t, err)
	assert.Zero(t, rightsLookups(srv))
	assert.Len(t, srv.Requests(), 3, "one request per write")
}
