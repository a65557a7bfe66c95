using System.Text.Json;
using Bunit;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Templates.Sending;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Outbound;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>The composer's "+" menu: a saved interactive message picked, previewed for this contact and sent.</summary>
public sealed class ComposerInteractiveTests : ComponentTestContext, IAsyncLifetime
{
    private const string AgentId = "agent-ada";
    private OutboundHarness _harness = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _harness = await OutboundHarness.StartAsync(TimeProvider.System);
        await using (var db = await _harness.DbAsync())
        {
            db.Users.Add(new AppUser { Id = AgentId, UserName = "ada@example.com", Email = "ada@example.com", DisplayName = "Ada" });
            await db.SaveChangesAsync();
        }

        Services.AddSingleton(_harness.Service);
        Services.AddSingleton(_harness.Interactive);
        Services.AddSingleton(_harness.QuickReplies);
        Services.AddSingleton(new TemplateCatalog(new HarnessDbFactory(_harness)));
        // No product message here: the catalog is never asked, so its services are not needed.
        Services.AddSingleton(new ProductNames(null!, null!, null!, TimeProvider.System, NullLogger<ProductNames>.Instance));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task PlusMenu_PickAndSend_TheMessageGoesOutFilledInForThisContactAndAgent()
    {
        var conversation = await _harness.AddConversationAsync("5511911112222", DateTimeOffset.UtcNow.AddMinutes(-5));
        await SaveAsync("Delivery slots");
        var providers = RenderProviders();
        long? sentId = null;
        var composer = RenderComposer(conversation, windowOpen: true, id => sentId = id);

        await OpenMenuItemAsync(composer, providers);

        var option = composer.WaitForElement("[data-testid=interactive-option]");
        option.GetAttribute("data-name").ShouldBe("Delivery slots");
        option.QuerySelector("[data-testid=interactive-preview]")!.TextContent.ShouldContain("Hi +5511911112222, Ada here.");
        await composer.Find("[data-testid=interactive-send]").ClickAsync(new());

        sentId.ShouldNotBeNull();
        var message = await _harness.MessageAsync(sentId.Value);
        message.Type.ShouldBe("interactive");
        message.Text.ShouldBe("Hi +5511911112222, Ada here.");
        (await _harness.OutboxAsync(sentId.Value)).ShouldHaveSingleItem().PayloadJson.ShouldContain("slot-am");
        composer.FindAll("[data-testid=interactive-picker]").ShouldBeEmpty();
    }

    [Fact]
    public async Task PlusMenu_WindowClosed_TheItemStaysWithTheReason()
    {
        var conversation = await _harness.AddConversationAsync("5511911113333", DateTimeOffset.UtcNow.AddHours(-30));
        await SaveAsync("Delivery slots");
        var providers = RenderProviders();
        var composer = RenderComposer(conversation, windowOpen: false);

        composer.Find("[data-testid=composer-plus] button").Click();

        providers.WaitForAssertion(() => providers.Find("[data-testid=interactive-disabled-reason]").TextContent
            .ShouldContain("Interactive messages are free-form messages: WhatsApp allows them only within 24 hours of the customer's last message."));
        providers.Find("[data-testid=open-interactive]").TextContent.ShouldContain("Send interactive message");
        composer.FindAll("[data-testid=interactive-picker]").ShouldBeEmpty();
    }

    [Fact]
    public async Task PlusMenu_NoneSavedOnTheChannel_SaysSoInsteadOfTheItem()
    {
        var conversation = await _harness.AddConversationAsync("5511911114444", DateTimeOffset.UtcNow.AddMinutes(-5));
        var providers = RenderProviders();
        var composer = RenderComposer(conversation, windowOpen: true);

        composer.Find("[data-testid=composer-plus] button").Click();

        providers.WaitForAssertion(() => providers.Find("[data-testid=no-interactive-saved]").TextContent.ShouldContain("No interactive messages saved for this channel yet"));
        providers.FindAll("[data-testid=open-interactive]").ShouldBeEmpty();
    }

    private IRenderedComponent<Composer> RenderComposer(long conversation, bool windowOpen, Action<long>? onSent = null) =>
        Render<Composer>(p => p.Add(c => c.ConversationId, conversation).Add(c => c.WindowOpen, windowOpen).Add(c => c.UserId, AgentId)
            .Add(c => c.OnSent, id => onSent?.Invoke(id)));

    private static async Task OpenMenuItemAsync(IRenderedComponent<Composer> composer, IRenderedComponent<MudProviders> providers)
    {
        composer.Find("[data-testid=composer-plus] button").Click();
        providers.WaitForElement("[data-testid=open-interactive]");
        await providers.Find("[data-testid=open-interactive]").ClickAsync(new());
    }

    private async Task SaveAsync(string name)
    {
        var interactive = new InteractiveObject(
            InteractiveTypes.Button,
            new InteractiveAction { Buttons = [new InteractiveButton(new InteractiveReply("slot-am", "Morning")), new InteractiveButton(new InteractiveReply("slot-pm", "Afternoon"))] },
            new InteractiveText("Hi {{contact.name}}, {{agent.name}} here."));
        await using var db = await _harness.DbAsync();
        db.InteractiveMessages.Add(new InteractiveMessage
        {
            ChannelId = _harness.Channel.Id,
            Name = name,
            Type = interactive.Type,
            InteractiveJson = JsonSerializer.Serialize(interactive, GraphJson.Options),
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private sealed class HarnessDbFactory(OutboundHarness harness) : IDbContextFactory<InboxDbContext>
    {
        public InboxDbContext CreateDbContext() => harness.DbAsync().GetAwaiter().GetResult();
    }
}
