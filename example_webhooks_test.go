package clockify_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func ExampleNewWebhookHandler() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	ws := clockifytest.DemoWorkspaceID

	// The receiving end: each verified USER_JOINED_WORKSPACE delivery arrives here.
	joined := make(chan string, 1)
	handler := clockify.NewWebhookHandler(func(ctx context.Context, e *clockify.WebhookEvent) error {
		u, err := e.User()
		if err != nil {
			return err // answered 500: Clockify delivers again
		}
		joined <- u.Email
		return nil
	})
	receiver := httptest.NewServer(handler)
	defer receiver.Close()

	hook, _, err := c.Webhooks.Create(ctx, ws, clockify.WorkspaceWebhook(ws, "Joiners", receiver.URL, clockify.WebhookUserJoinedWorkspace))
	if err != nil {
		fmt.Println(err)
		return
	}
	handler.SetTokens(hook.AuthToken) // deliveries signed with anything else are answered 401

	srv.AcceptInvitation(ws, clockifytest.DemoInvitedID) // the invitee joins
	fmt.Println("joined:", <-joined)
	// Output:
	// joined: leo.dubois@example.com
}

func ExampleWebhooksService_Create() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	free := clockifytest.DemoFreeWorkspaceID

	for i := 1; i <= 4; i++ {
		req := clockify.WorkspaceWebhook(free, fmt.Sprintf("Hook %d", i), "https://hooks.example.com/clockify", clockify.WebhookUserUpdated)
		_, _, err := c.Webhooks.Create(ctx, free, req)
		switch {
		case errors.Is(err, clockify.ErrWebhookWorkspaceLimit):
			fmt.Println(i, "refused:", err)
		case err != nil:
			fmt.Println(err)
			return
		default:
			fmt.Println(i, "created")
		}
	}

	// Checked before sending: a relative URL is refused with a *ValidationError.
	_, _, err := c.Webhooks.Create(ctx, free, clockify.WorkspaceWebhook(free, "", "/hooks", clockify.WebhookUserUpdated))
	fmt.Println(errors.Is(err, clockify.ErrInvalidInput))
	// Output:
	// 1 created
	// 2 created
	// 3 created
	// 4 refused: clockify: workspace 64f0a1b2c3d4e5f601000002 has 3 webhooks; its plan (FREE) allows 3
	// true
}
