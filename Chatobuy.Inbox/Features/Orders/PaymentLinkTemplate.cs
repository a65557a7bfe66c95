using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Templates.Sending;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// Which approved templates can carry a payment link outside the 24-hour window, and the message made of one: text only
/// (no media header, no header or URL-button variables), with either exactly one body variable (the link goes in it) or
/// named variables among <c>order_number</c>, <c>total</c> and <c>payment_link</c> (filled with the order's).
/// </summary>
public static class PaymentLinkTemplate
{
    public const string NoneUsable =
        "More than 24 hours have passed since the customer last wrote, so WhatsApp only allows an approved template, and this channel has none that can carry the link. " +
        "An Admin can create one under Channels → ⋮ → Templates: a text template whose body has one variable for the link (or the named variables {{order_number}}, {{total}} and {{payment_link}}); once Meta approves it, it is used here.";

    private static readonly IReadOnlyDictionary<string, Func<Order, string>> Named = new Dictionary<string, Func<Order, string>>(StringComparer.Ordinal)
    {
        ["order_number"] = order => order.Number,
        ["total"] = order => order.TotalText,
        ["payment_link"] = order => order.PaymentLinkUrl ?? "",
    };

    /// <summary>Whether the template can carry a payment link.</summary>
    public static bool Usable(TemplateOption template)
    {
        var content = template.Content;
        if (content.HasMediaHeader || content.HeaderVariables.Count > 0 || content.Buttons.Any(b => b.HasUrlVariable))
        {
            return false;
        }

        var variables = content.BodyVariables.Distinct(StringComparer.Ordinal).ToList();
        return variables.Count == 1
            || (content.ParameterFormat == TemplateContent.Named && variables.Count > 0 && variables.Contains("payment_link") && variables.All(Named.ContainsKey));
    }

    /// <summary>The template message for the order's current link; null with the reason when Meta's limits refuse the values.</summary>
    public static (OutboundTemplate? Message, string? Error) Build(TemplateOption template, Order order)
    {
        var model = TemplateSendModel.For(template);
        var body = model.Fields.Where(f => f.Part == TemplateFieldPart.Body).ToList();
        foreach (var field in body)
        {
            field.Value = body.Count == 1 && !Named.ContainsKey(field.Variable)
                ? order.PaymentLinkUrl ?? ""
                : Named.TryGetValue(field.Variable, out var value) ? value(order) : order.PaymentLinkUrl ?? "";
        }

        var problems = new TemplateSendValidator().Problems(model);
        return problems.Count > 0
            ? (null, $"Template {template.Name} cannot carry this link: {problems.Values.First()}")
            : (TemplatePayload.Build(model), null);
    }

    /// <summary>The readable text of the link message in <paramref name="template"/>, for previews.</summary>
    public static string Preview(TemplateOption template, Order order) =>
        Build(template, order).Message?.Text ?? PaymentText.Fill(template.Content.Body, order);
}
