package clockifytest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
)

var bg = context.Background()

// hookReceiver is a program receiving webhooks: each verified event arrives on events.
type hookReceiver struct {
	URL     string
	handler *clockify.WebhookHandler
	events  chan *clockify.WebhookEvent
}

func newHookReceiver(t *testing.T, fail bool) *hookReceiver {
	t.Helper()
	r := &hookReceiver{events: make(chan *clockify.WebhookEvent, 16)}
	r.handler = clockify.NewWebhookHandler(func(ctx context.Context, e *clockify.WebhookEvent) error {
		if fail {
			return assert.AnError
		}
		r.events <- e
		return nil
	})
	srv := httptest.NewServer(r.handler)
	t.Cleanup(srv.Close)
	r.URL = srv.URL + "/hooks/clockify"
	return r
}

// next is the next event; the wait only guards against a hang.
func (r *hookReceiver) next(t *testing.T) *clockify.WebhookEvent {
	t.Helper()
	select {
	case e := <-r.events:
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook delivered")
		return nil
	}
}

// settle waits for every delivery under way, retries included.
func settle(t *testing.T, s *Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(bg, 10*time.Second)
	defer cancel()
	require.NoError(t, s.WaitForWebhooks(ctx))
}

func subscribe(t *testing.T, c *clockify.Client, r *hookReceiver, event clockify.WebhookEventType) *clockify.Webhook {
	t.Helper()
	hook, _, err := c.Webhooks.Create(bg, DemoWorkspaceID, clockify.WorkspaceWebhook(DemoWorkspaceID, "Test hook", r.URL, event))
	require.NoError(t, err)
	r.handler.SetTokens(hook.AuthToken)
	return hook
}

func TestWebhookDelivery_joiningInviteeReachesTheReceiver(t *testing.T) {
	s := newDemo(t)
	c := s.Client()
	r := newHookReceiver(t, false)
	subscribe(t, c, r, clockify.WebhookUserJoinedWorkspace)

	_, _, err := c.Members.Invite(bg, DemoWorkspaceID, "nina.park@example.com", nil)
	require.NoError(t, err)
	invitee, _, err := c.Members.FindByEmail(bg, DemoWorkspaceID, "nina.park@example.com")
	require.NoError(t, err)
	s.AcceptInvitation(DemoWorkspaceID, invitee.ID)

	e := r.next(t)
	assert.Equal(t, clockify.WebhookUserJoinedWorkspace, e.Type)
	u, err := e.User()
	require.NoError(t, err)
	assert.Equal(t, invitee.ID, u.ID)
	assert.Equal(t, "nina.park@example.com", u.Email)
	assert.Equal(t, "Nina Park", u.Name)
	m, _ := u.Membership(DemoWorkspaceID)
	assert.Equal(t, clockify.MembershipActive, m.MembershipStatus)

	settle(t, s)
	for _, d := range s.WebhookDeliveries() {
		assert.Equal(t, "USER_JOINED_WORKSPACE", d.Event, "the invitation is not this webhook's event")
	}
}

func TestWebhookDelivery_memberChangesSendTheirEvents(t *testing.T) {
	s := newDemo(t)
	c := s.Client()
	type change struct {
		event clockify.WebhookEventType
		do    func() error
		check func(e *clockify.WebhookEvent)
	}
	for _, tc := range []change{
		{clockify.WebhookUserDeactivatedOnWorkspace, func() error {
			_, _, err := c.Members.Deactivate(bg, DemoWorkspaceID, DemoMemberID)
			return err
		}, func(e *clockify.WebhookEvent) {
			u, err := e.User()
			require.NoError(t, err)
			assert.Equal(t, DemoMemberID, u.ID)
		}},
		{clockify.WebhookUserActivatedOnWorkspace, func() error {
			_, _, err := c.Members.Activate(bg, DemoWorkspaceID, DemoInactiveID)
			return err
		}, func(e *clockify.WebhookEvent) {
			u, err := e.User()
			require.NoError(t, err)
			assert.Equal(t, DemoInactiveID, u.ID)
		}},
		{clockify.WebhookUserGroupCreated, func() error {
			_, _, err := c.Groups.Create(bg, DemoWorkspaceID, "Night shift")
			return err
		}, func(e *clockify.WebhookEvent) {
			g, err := e.Group()
			require.NoError(t, err)
			assert.Equal(t, "Night shift", g.Name)
		}},
		{clockify.WebhookUserGroupUpdated, func() error {
			_, _, err := c.Groups.Rename(bg, DemoWorkspaceID, DemoKioskGroupID, "Kiosk")
			return err
		}, func(e *clockify.WebhookEvent) {
			g, err := e.Group()
			require.NoError(t, err)
			assert.Equal(t, DemoKioskGroupID, g.ID)
			assert.Equal(t, "Kiosk", g.Name)
		}},
		{clockify.WebhookUserGroupDeleted, func() error {
			_, _, err := c.Groups.Delete(bg, DemoWorkspaceID, DemoEngineeringGroupID)
			return err
		}, func(e *clockify.WebhookEvent) {
			g, err := e.Group()
			require.NoError(t, err)
			assert.Equal(t, DemoEngineeringGroupID, g.ID)
		}},
		{clockify.WebhookLimitedUsersAddedToWorkspace, func() error {
			_, err := c.Members.AddLimited(bg, DemoWorkspaceID, []clockify.LimitedMember{{Name: "Kiosk Kim"}})
			return err
		}, func(e *clockify.WebhookEvent) { assert.Contains(t, string(e.Payload), `"name":"Kiosk Kim"`) }},
		{clockify.WebhookUsersInvitedToWorkspace, func() error {
			_, _, err := c.Members.Invite(bg, DemoWorkspaceID, "sam.lee@example.com", nil)
			return err
		}, func(e *clockify.WebhookEvent) { assert.Contains(t, string(e.Payload), `"email":"sam.lee@example.com"`) }},
		{clockify.WebhookBillableRateUpdated, func() error {
			_, _, err := c.Members.SetHourlyRate(bg, DemoWorkspaceID, DemoMemberID, clockify.RateChange{Amount: 8100})
			return err
		}, func(e *clockify.WebhookEvent) { assert.Contains(t, string(e.Payload), `"amount":8100`) }},
		{clockify.WebhookCostRateUpdated, func() error {
			_, _, err := c.Members.SetCostRate(bg, DemoWorkspaceID, DemoMemberID, clockify.RateChange{Amount: 4200})
			return err
		}, func(e *clockify.WebhookEvent) { assert.Contains(t, string(e.Payload), `"amount":4200`) }},
	} {
		t.Run(string(tc.event), func(t *testing.T) {
			r := newHookReceiver(t, false)
			hook := subscribe(t, c, r, tc.event)
			require.NoError(t, tc.do())
			e := r.next(t)
			assert.Equal(t, tc.event, e.Type)
			tc.check(e)
			_, err := c.Webhooks.Delete(bg, DemoWorkspaceID, hook.ID)
			require.NoError(t, err)
		})
	}
}

func TestWebhookDelivery_userTriggerNarrowsToThatUser(t *testing.T) {
	s := newDemo(t)
	c := s.Client()
	r := newHookReceiver(t, false)
	hook, _, err := c.Webhooks.Create(bg, DemoWorkspaceID, &clockify.WebhookRequest{URL: r.URL, Event: clockify.WebhookBillableRateUpdated,
		TriggerSource: []string{DemoMemberID}, TriggerSourceType: clockify.TriggerUser})
	require.NoError(t, err)
	r.handler.SetTokens(hook.AuthToken)
	_, _, err = c.Members.SetHourlyRate(bg, DemoWorkspaceID, DemoAdminID, clockify.RateChange{Amount: 100})
	require.NoError(t, err)
	_, _, err = c.Members.SetHourlyRate(bg, DemoWorkspaceID, DemoMemberID, clockify.RateChange{Amount: 200})
	require.NoError(t, err)
	assert.Contains(t, string(r.next(t).Payload), `"userId":"`+DemoMemberID+`"`)
	settle(t, s)
	assert.Len(t, s.WebhookDeliveries(), 1, "the other member's rate is not delivered")
}

func TestWebhookDelivery_regeneratedTokenIsUsedFromThenOn(t *testing.T) {
	s := newDemo(t)
	c := s.Client()
	r := newHookReceiver(t, false)
	hook := subscribe(t, c, r, clockify.WebhookUserDeactivatedOnWorkspace)
	renewed, _, err := c.Webhooks.RegenerateToken(bg, DemoWorkspaceID, hook.ID)
	require.NoError(t, err)
	require.NotEqual(t, hook.AuthToken, renewed.AuthToken)
	r.handler.SetTokens(renewed.AuthToken, hook.AuthToken)

	_, _, err = c.Members.Deactivate(bg, DemoWorkspaceID, DemoMemberID)
	require.NoError(t, err)
	assert.Equal(t, 0, r.next(t).TokenIndex, "signed with the new token")
}

func TestWebhookDelivery_failuresAreRetriedThenDeliveryStops(t *testing.T) {
	s := newDemo(t)
	c := s.Client()
	r := newHookReceiver(t, false)
	hook := subscribe(t, c, r, clockify.WebhookUserDeactivatedOnWorkspace)
	r.handler.SetTokens("a-token-that-is-not-the-webhooks") // every delivery now answers 401

	_, _, err := c.Members.Deactivate(bg, DemoWorkspaceID, DemoMemberID)
	require.NoError(t, err)
	settle(t, s)
	deliveries := s.WebhookDeliveries()
	require.Len(t, deliveries, WebhookAttempts)
	for i, d := range deliveries {
		assert.Equal(t, i+1, d.Attempt)
		assert.Equal(t, http.StatusUnauthorized, d.Status)
		assert.Equal(t, r.URL, d.URL)
	}
	got, _, err := c.Webhooks.Get(bg, DemoWorkspaceID, hook.ID)
	require.NoError(t, err)
	assert.False(t, got.DeliveryEnabled)

	logs, _, err := c.Webhooks.Logs(bg, DemoWorkspaceID, hook.ID, &clockify.WebhookLogsOptions{Status: clockify.WebhookLogFailed, PageSize: 3})
	require.NoError(t, err)
	assert.Len(t, logs, 3, "page 0 holds the first 3")
	logs, _, err = c.Webhooks.Logs(bg, DemoWorkspaceID, hook.ID, &clockify.WebhookLogsOptions{Page: 1, PageSize: 3})
	require.NoError(t, err)
	assert.Len(t, logs, WebhookAttempts-3)

	// Disabled: the next change is not delivered; an update turns delivery back on.
	_, _, err = c.Members.Deactivate(bg, DemoWorkspaceID, DemoMultiWorkspaceID)
	require.NoError(t, err)
	settle(t, s)
	assert.Len(t, s.WebhookDeliveries(), WebhookAttempts)
	updated, _, err := c.Webhooks.Update(bg, DemoWorkspaceID, hook.ID, clockify.WorkspaceWebhook(DemoWorkspaceID, "Test hook", r.URL, clockify.WebhookUserDeactivatedOnWorkspace))
	require.NoError(t, err)
	assert.True(t, updated.DeliveryEnabled)
}

func TestWebhookDelivery_aDeletedWebhookReceivesNothing(t *testing.T) {
	s := newDemo(t)
	c := s.Client()
	r := newHookReceiver(t, false)
	hook := subscribe(t, c, r, clockify.WebhookUserDeactivatedOnWorkspace)
	_, err := c.Webhooks.Delete(bg, DemoWorkspaceID, hook.ID)
	require.NoError(t, err)
	_, _, err = c.Webhooks.Get(bg, DemoWorkspaceID, hook.ID)
	assert.ErrorIs(t, err, clockify.ErrNotFound)

	_, _, err = c.Members.Deactivate(bg, DemoWorkspaceID, DemoMemberID)
	require.NoError(t, err)
	settle(t, s)
	assert.Empty(t, s.WebhookDeliveries())
	hooks, _, err := c.Webhooks.List(bg, DemoWorkspaceID, nil)
	require.NoError(t, err)
	assert.Empty(t, hooks)
}

func TestWebhookDelivery_receiverFailureIsRetried(t *testing.T) {
	s := newDemo(t)
	c := s.Client()
	r := newHookReceiver(t, true) // the receiving program's func fails: 500
	subscribe(t, c, r, clockify.WebhookUserDeactivatedOnWorkspace)
	_, _, err := c.Members.Deactivate(bg, DemoWorkspaceID, DemoMemberID)
	require.NoError(t, err)
	settle(t, s)
	deliveries := s.WebhookDeliveries()
	require.Len(t, deliveries, WebhookAttempts)
	assert.Equal(t, http.StatusInternalServerError, deliveries[0].Status)
}
