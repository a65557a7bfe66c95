using Chatobuy.Inbox.Features.Contacts;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Contacts;

/// <summary>The contact panel's data on a real database: custom attributes checked by type, the name agents give, other conversations.</summary>
public sealed class ContactProfileServiceTests(InboxApp app) : IClassFixture<InboxApp>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Save_NameEmailAndAttributes_ThePanelAndTheInboxListShowThem()
    {
        var profiles = app.Services.GetRequiredService<ContactProfileService>();
        await EnsureAttributesAsync(profiles);
        var (open, older) = await TwoConversationsAsync("15550002001");
        var profile = (await profiles.GetAsync(open))!;
        var edit = ContactEdit.From(profile);
        edit.Name = "Maria Silva";
        edit.Email = "maria@example.com";
        edit.Attributes.Single(a => a.Name == "Plan").Value = "silver";
        edit.Attributes.Single(a => a.Name == "Orders a month").Value = "4";

        (await profiles.SaveAsync(profile.ContactId, edit)).ShouldBeNull();

        var saved = (await profiles.GetAsync(open))!;
        saved.DisplayName.ShouldBe("Maria Silva");
        saved.ProfileName.ShouldBe("Maria");
        saved.Email.ShouldBe("maria@example.com");
        saved.Attributes.Single(a => a.Name == "Plan").Value.ShouldBe("Silver");
        saved.Attributes.Single(a => a.Name == "Orders a month").Value.ShouldBe("4");
        saved.OtherConversations.Select(c => (c.Id, c.Status)).ShouldBe([(older, ConversationStatus.Resolved)]);
        await using var scope = app.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<InboxService>().ListConversationsAsync(new InboxFilter(Search: "Maria Silva"), "nobody");
        rows.Select(r => (r.Id, r.DisplayName)).ShouldBe([(open, "Maria Silva")]);
    }

    [Fact]
    public async Task Save_NotANumber_Refused_AndNothingChanges()
    {
        var profiles = app.Services.GetRequiredService<ContactProfileService>();
        await EnsureAttributesAsync(profiles);
        var (open, _) = await TwoConversationsAsync("15550002002");
        var profile = (await profiles.GetAsync(open))!;
        var edit = ContactEdit.From(profile);
        edit.Name = "Someone else";
        edit.Attributes.Single(a => a.Name == "Orders a month").Value = "many";

        (await profiles.SaveAsync(profile.ContactId, edit)).ShouldBe("Enter a number, such as 42 or 12.5.");

        var after = (await profiles.GetAsync(open))!;
        after.Name.ShouldBeNull();
        after.Attributes.Single(a => a.Name == "Orders a month").Value.ShouldBeNull();
    }

    [Fact]
    public async Task CreateAttribute_ListWithOneChoice_Refused()
    {
        var profiles = app.Services.GetRequiredService<ContactProfileService>();

        var error = await profiles.CreateAttributeAsync(new ContactAttributeModel { Name = "Size", Type = ContactAttributeType.List, Options = "M" });

        error.ShouldBe("A list needs at least two choices, one a line.");
    }

    private static async Task EnsureAttributesAsync(ContactProfileService profiles)
    {
        var existing = (await profiles.ListAttributesAsync()).Select(a => a.Name).ToHashSet();
        if (!existing.Contains("Plan"))
        {
            (await profiles.CreateAttributeAsync(new ContactAttributeModel { Name = "Plan", Type = ContactAttributeType.List, Options = "Gold\nSilver\n" })).ShouldBeNull();
        }

        if (!existing.Contains("Orders a month"))
        {
            (await profiles.CreateAttributeAsync(new ContactAttributeModel { Name = "Orders a month", Type = ContactAttributeType.Number })).ShouldBeNull();
        }
    }

    /// <summary>The customer's open conversation on one channel and a resolved one on another.</summary>
    private async Task<(long Open, long Older)> TwoConversationsAsync(string waId)
    {
        await using var db = await app.DbAsync();
        var contact = new Contact { WaId = waId, ProfileName = "Maria", CreatedAt = T0, UpdatedAt = T0 };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var open = new Conversation { ChannelId = "dddddddddddddddddddddddddddddddd", ContactId = contact.Id, LastMessageAt = T0.AddDays(1), CreatedAt = T0 };
        var older = new Conversation { ChannelId = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", ContactId = contact.Id, LastMessageAt = T0, CreatedAt = T0, Status = ConversationStatus.Resolved };
        db.Conversations.AddRange(open, older);
        await db.SaveChangesAsync();
        return (open.Id, older.Id);
    }
}
