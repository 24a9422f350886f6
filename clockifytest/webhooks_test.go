package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
)

func TestWebhooks_limitsOfThePlan(t *testing.T) {
	s := newDemo(t)
	c := s.Client()
	free := func(i int) *clockify.WebhookRequest {
		return clockify.WorkspaceWebhook(DemoFreeWorkspaceID, "", "https://example.com/h", clockify.WebhookUserJoinedWorkspace)
	}
	for i := 0; i < 3; i++ {
		_, _, err := c.Webhooks.Create(bg, DemoFreeWorkspaceID, free(i))
		require.NoError(t, err)
	}
	_, _, err := c.Webhooks.Create(bg, DemoFreeWorkspaceID, free(3))
	assert.ErrorIs(t, err, clockify.ErrWebhookWorkspaceLimit)

	paid := clockify.WorkspaceWebhook(DemoWorkspaceID, "", "https://example.com/h", clockify.WebhookUserUpdated)
	for i := 0; i < 10; i++ {
		_, _, err := c.Webhooks.Create(bg, DemoWorkspaceID, paid)
		require.NoError(t, err)
	}
	_, _, err = c.Webhooks.Create(bg, DemoWorkspaceID, paid)
	assert.ErrorIs(t, err, clockify.ErrWebhookUserLimit)
	_, _, err = s.ClientAs(DemoAdminID).Webhooks.Create(bg, DemoWorkspaceID, paid)
	assert.NoError(t, err, "another user has a limit of their own")
}

func TestWebhooks_wireShapes(t *testing.T) {
	s := newDemo(t)
	path := demoWS + "/webhooks"
	body := `{"name":"Joiners","url":"https://example.com/h","webhookEvent":"USER_JOINED_WORKSPACE","triggerSource":["` +
		DemoWorkspaceID + `"],"triggerSourceType":"WORKSPACE_ID"}`
	r := send(t, s, http.MethodPost, path, body)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	created := decodeJSON[webhookDTO](t, r)
	assert.Len(t, created.AuthToken, 48)
	assert.True(t, created.Enabled && created.DeliveryEnabled && created.PlanEnabled)
	assert.Equal(t, DemoOwnerID, created.UserID)

	list := decodeJSON[struct {
		Webhooks []webhookDTO `json:"webhooks"`
		Count    int          `json:"workspaceWebhookCount"`
	}](t, send(t, s, http.MethodGet, path+"?type=USER_CREATED", ""))
	assert.Equal(t, 1, list.Count)
	assert.Equal(t, []webhookDTO{created}, list.Webhooks)
	addons := send(t, s, http.MethodGet, path+"?type=ADDON", "")
	assert.JSONEq(t, `{"webhooks":[],"workspaceWebhookCount":1}`, string(addons.body))

	assertError(t, send(t, s, http.MethodPost, path, `{"name":"J","url":"https://example.com/h","webhookEvent":"NEW_TAG","triggerSource":[],"triggerSourceType":"WORKSPACE_ID"}`),
		http.StatusBadRequest, 0, "You entered invalid value for field: [name]. Name must be between 2 and 30 characters")
	bad := send(t, s, http.MethodPost, path, `{"url":"https://example.com/h","webhookEvent":"USER_JOINED","triggerSource":[],"triggerSourceType":"WORKSPACE_ID"}`)
	assert.Equal(t, http.StatusBadRequest, bad.status)
	assertError(t, send(t, s, http.MethodGet, path+"/"+DemoMemberID, ""), http.StatusBadRequest, 501, "Webhook doesn't belong to Workspace")

	del := send(t, s, http.MethodDelete, path+"/"+created.ID, "")
	assert.Equal(t, http.StatusOK, del.status)
	assert.Empty(t, del.body)
}

func TestWebhooks_membersSeeOnlyTheirOwn(t *testing.T) {
	s := newDemo(t)
	owner, member := s.Client(), s.ClientAs(DemoMemberID)
	hook, _, err := owner.Webhooks.Create(bg, DemoWorkspaceID, clockify.WorkspaceWebhook(DemoWorkspaceID, "", "https://example.com/h", clockify.WebhookUserUpdated))
	require.NoError(t, err)
	_, _, err = member.Webhooks.Get(bg, DemoWorkspaceID, hook.ID)
	assert.ErrorIs(t, err, clockify.ErrNotFound)
	hooks, _, err := member.Webhooks.List(bg, DemoWorkspaceID, nil)
	require.NoError(t, err)
	assert.Empty(t, hooks)
}
