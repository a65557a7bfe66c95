using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Templates.Sending;

namespace Chatobuy.Inbox.Tests.Features.Orders;

/// <summary>Which approved templates can carry a payment link outside the 24-hour window, and the template message made for an order.</summary>
public sealed class PaymentLinkTemplateTests
{
    private static readonly Order Order = new()
    {
        Id = 5,
        Currency = "HKD",
        PaymentLinkUrl = "https://pay.example.com/1005",
        Items = [new OrderItem { RetailerId = "A", Name = "Scarf", Quantity = 2, UnitPrice = 120.5m, Currency = "HKD" }],
    };

    [Theory]
    [InlineData("""[{"type":"BODY","text":"Your order is ready. Pay here: {{1}}"}]""", null, true)]
    [InlineData("""[{"type":"BODY","text":"Order {{order_number}} ({{total}}): {{payment_link}}"}]""", "NAMED", true)]
    [InlineData("""[{"type":"BODY","text":"Hi {{first_name}}, pay {{payment_link}}"}]""", "NAMED", false)]
    [InlineData("""[{"type":"BODY","text":"Hi {{1}}, pay {{2}}"}]""", null, false)]
    [InlineData("""[{"type":"BODY","text":"No variable at all"}]""", null, false)]
    [InlineData("""[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"Pay here: {{1}}"}]""", null, false)]
    [InlineData("""[{"type":"HEADER","format":"TEXT","text":"Hi {{1}}"},{"type":"BODY","text":"Pay here: {{1}}"}]""", null, false)]
    public void Usable_OnlyTextTemplatesWhoseVariablesTheOrderFills(string components, string? format, bool usable) =>
        PaymentLinkTemplate.Usable(Template(components, format)).ShouldBe(usable);

    [Fact]
    public void Build_OneVariable_TheLinkGoesInIt()
    {
        var (message, error) = PaymentLinkTemplate.Build(Template("""[{"type":"BODY","text":"Your order is ready. Pay here: {{1}}"}]""", null), Order);

        error.ShouldBeNull();
        message.ShouldNotBeNull().Text.ShouldBe("Your order is ready. Pay here: https://pay.example.com/1005");
        message.Message.Name.ShouldBe("payment_link");
    }

    [Fact]
    public void Build_NamedVariables_NumberTotalAndLinkFilled()
    {
        var (message, _) = PaymentLinkTemplate.Build(Template("""[{"type":"BODY","text":"Order {{order_number}} ({{total}}): {{payment_link}}"}]""", "NAMED"), Order);

        message.ShouldNotBeNull().Text.ShouldBe("Order 1005 (HKD 241.00): https://pay.example.com/1005");
    }

    private static TemplateOption Template(string components, string? format) =>
        new(1, "payment_link", "en_US", "UTILITY", TemplateContent.Parse(components, format));
}
