package clockify_test

import (
	"context"
	"fmt"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func ExampleWorkspacesService_SetHourlyRate() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()

	ws, _, err := c.Workspaces.SetHourlyRate(context.Background(), clockifytest.DemoWorkspaceID, clockify.RateChange{Amount: 9500})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ws.HourlyRate.Amount, ws.HourlyRate.Currency)
	// Output:
	// 9500 EUR
}
