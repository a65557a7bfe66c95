using Chatobuy.Inbox.Features.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>Connects a channel to the app's own Sandbox through the wizard's services, as an Admin would.</summary>
internal static class SandboxChannel
{
    public static ConnectChannelModel Model(InboxApp app, string title)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        return new ConnectChannelModel
        {
            Title = title,
            AccessToken = configuration["Sandbox:AccessToken"]!,
            BusinessId = configuration["Sandbox:BusinessId"]!,
            AppSecret = configuration["Sandbox:AppSecret"]!,
            Target = GraphTarget.Sandbox,
        };
    }

    /// <summary>The first number of the first account, connected; its webhooks are pointed at the channel.</summary>
    public static async Task<Channel> ConnectAsync(InboxApp app, string title)
    {
        await using var scope = app.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<ChannelSetupService>();
        var model = Model(app, title);
        var account = (await setup.FetchNumbersAsync(model, CancellationToken.None)).Accounts[0];
        var finished = await setup.FinishAsync(model, account, account.Numbers[0], app.BaseAddress.ToString(), CancellationToken.None);
        finished.Error.ShouldBeNull();
        return finished.Channel.ShouldNotBeNull();
    }
}
