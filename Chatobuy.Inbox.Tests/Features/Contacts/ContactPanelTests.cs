using Bunit;
using Chatobuy.Inbox.Features.Contacts;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Labels;
using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Contacts;

/// <summary>The contact panel beside the chat: what it shows of the customer, and editing them with checked values.</summary>
public sealed class ContactPanelTests : ComponentTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public ContactPanelTests() => Services.AddSingleton<ContactEditValidator>();

    [Fact]
    public void Panel_ShowsTheCustomerTheirLabelsConversationsAndOrders()
    {
        var panel = Render<ContactPanel>(p => p
            .Add(c => c.Profile, Profile() with
            {
                OtherConversations = [new ContactConversationLink(41, "Sales", ConversationStatus.Resolved, T0, "Thanks!")],
                Orders = [Order(7, OrderStatus.Paid)],
            })
            .Add(c => c.Labels, [new LabelTag(1, "refund", "#C62828")]));

        panel.Find("[data-testid=contact-display-name]").TextContent.ShouldBe("Maria Silva");
        panel.Find("[data-testid=contact-profile-name]").TextContent.ShouldBe("WhatsApp name: Maria");
        panel.Find("[data-testid=contact-number]").TextContent.ShouldBe("+5511987654321");
        panel.Find("[data-testid=contact-email]").TextContent.Trim().ShouldBe("maria@example.com");
        panel.Find("[data-testid=contact-attribute][data-name=Plan]").TextContent.ShouldBe("Gold");
        panel.Find("[data-testid=contact-labels] [data-testid=label-chip]").TextContent.Trim().ShouldBe("refund");
        panel.Find("[data-testid=contact-conversation] a").GetAttribute("href").ShouldBe("/inbox/41");
        panel.Find("[data-testid=contact-conversation]").TextContent.ShouldContain("Sales");
        panel.Find("[data-testid=contact-order] a").GetAttribute("href").ShouldBe("/orders/7");
        panel.Find("[data-testid=contact-order] [data-testid=order-status]").GetAttribute("data-status").ShouldBe("paid");
    }

    [Fact]
    public void Panel_NothingElseKnown_SaysSo()
    {
        var panel = Render<ContactPanel>(p => p.Add(c => c.Profile, Profile() with { Name = null, Email = null }));

        panel.Find("[data-testid=contact-display-name]").TextContent.ShouldBe("Maria");
        panel.Find("[data-testid=contact-email]").TextContent.Trim().ShouldBe("—");
        panel.Find("[data-testid=contact-conversations-empty]").TextContent.ShouldBe("None on any channel.");
        panel.Find("[data-testid=contact-orders-empty]").TextContent.ShouldBe("No orders yet.");
    }

    [Fact]
    public void Edit_NewName_SavedWhileTheWhatsAppNameStaysVisible()
    {
        ContactEdit? saved = null;
        var panel = Render<ContactPanel>(p => p.Add(c => c.Profile, Profile()).Add(c => c.OnSave, e => saved = e));

        panel.Find("[data-testid=contact-edit]").Click();
        panel.Find("#contact-name").Input("Maria S. (wholesale)");
        panel.Find("[data-testid=contact-profile-name]").TextContent.ShouldBe("WhatsApp name: Maria");
        panel.Find("[data-testid=contact-save]").Click();

        saved.ShouldNotBeNull();
        saved.Name.ShouldBe("Maria S. (wholesale)");
        saved.Attributes.Single(a => a.Name == "Plan").Value.ShouldBe("Gold");
        panel.FindAll("[data-testid=contact-form]").ShouldBeEmpty();
    }

    [Fact]
    public void Edit_NotANumberNotADateAndABadEmail_ErrorsNextToTheFields_NothingSaved()
    {
        var saves = 0;
        var panel = Render<ContactPanel>(p => p.Add(c => c.Profile, Profile()).Add(c => c.OnSave, _ => saves++));

        panel.Find("[data-testid=contact-edit]").Click();
        panel.Find("#contact-email").Input("maria at example");
        panel.Find("[data-testid=contact-attribute-input][data-name='Orders a month'] input").Input("a lot");
        panel.Find("[data-testid=contact-attribute-input][data-name='Customer since'] input").Input("last spring");
        panel.Find("[data-testid=contact-save]").Click();

        saves.ShouldBe(0);
        panel.Find("[data-testid=contact-form]").TextContent.ShouldContain("Enter an e-mail address, such as maria@example.com.");
        panel.Find("[data-testid=contact-attribute-input][data-name='Orders a month']").TextContent.ShouldContain("Enter a number, such as 42 or 12.5.");
        panel.Find("[data-testid=contact-attribute-input][data-name='Customer since']").TextContent.ShouldContain("Enter a date, such as 2026-12-31.");
    }

    [Fact]
    public void Edit_ValidNumberDateAndListChoice_Saved()
    {
        ContactEdit? saved = null;
        var panel = Render<ContactPanel>(p => p.Add(c => c.Profile, Profile()).Add(c => c.OnSave, e => saved = e));

        panel.Find("[data-testid=contact-edit]").Click();
        panel.Find("[data-testid=contact-attribute-input][data-name='Orders a month'] input").Input("12.5");
        panel.Find("[data-testid=contact-attribute-input][data-name='Customer since'] input").Input("2025-06-30");
        panel.Find("[data-testid=contact-attribute-input][data-name=Plan] select").Change("Silver");
        panel.Find("[data-testid=contact-save]").Click();

        saved.ShouldNotBeNull();
        saved.Attributes.Select(a => a.Value).ShouldBe(["Silver", "12.5", "2025-06-30"]);
    }

    [Theory]
    [InlineData(ContactAttributeType.Number, "1,5", "1.5", null)]
    [InlineData(ContactAttributeType.Number, "-3", "-3", null)]
    [InlineData(ContactAttributeType.Number, "3 apples", null, "Enter a number, such as 42 or 12.5.")]
    [InlineData(ContactAttributeType.Date, "2026-02-30", null, "Enter a date, such as 2026-12-31.")]
    [InlineData(ContactAttributeType.Date, " 2026-02-28 ", "2026-02-28", null)]
    [InlineData(ContactAttributeType.List, "gold", "Gold", null)]
    [InlineData(ContactAttributeType.List, "Platinum", null, "Pick one of: Gold, Silver.")]
    [InlineData(ContactAttributeType.Text, "  ", null, null)]
    public void Values_CheckedAndStoredByType(ContactAttributeType type, string input, string? stored, string? error)
    {
        ContactAttributeValues.Check(type, ["Gold", "Silver"], input).ShouldBe((stored, error));
    }

    private static ContactProfile Profile() => new(
        ContactId: 5,
        ConversationId: 40,
        WaId: "5511987654321",
        ProfileName: "Maria",
        Name: "Maria Silva",
        Email: "maria@example.com",
        Notes: "Prefers mornings",
        FirstSeen: T0,
        Attributes:
        [
            new ContactAttributeField(1, "Plan", ContactAttributeType.List, ["Gold", "Silver"], "Gold"),
            new ContactAttributeField(2, "Orders a month", ContactAttributeType.Number, [], null),
            new ContactAttributeField(3, "Customer since", ContactAttributeType.Date, [], null),
        ],
        OtherConversations: [],
        Orders: []);

    private static OrderRow Order(long id, OrderStatus status) =>
        new(id, (1000 + id).ToString(System.Globalization.CultureInfo.InvariantCulture), "channel", "Support", 5, "5511987654321", "Maria", 40, null, 1, 25m, "USD", "US$25.00", status, T0, T0);
}
