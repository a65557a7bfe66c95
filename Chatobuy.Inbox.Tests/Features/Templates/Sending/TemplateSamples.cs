using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Templates.Sending;

namespace Chatobuy.Inbox.Tests.Features.Templates.Sending;

/// <summary>Templates shaped like the Sandbox's seeds (and one with named variables).</summary>
internal static class TemplateSamples
{
    public static readonly TemplateOption OrderUpdate = Option(1, "order_update", "en_US", "UTILITY", """
        [{"type":"BODY","text":"Hi {{1}}, your order {{2}} is on its way and should arrive by {{3}}."},
         {"type":"FOOTER","text":"Reply STOP to opt out"},
         {"type":"BUTTONS","buttons":[{"type":"URL","text":"Track order","url":"https://example.com/track/{{1}}"},{"type":"QUICK_REPLY","text":"Talk to us"}]}]
        """);

    public static readonly TemplateOption FollowUp = Option(2, "follow_up", "en_US", "MARKETING", """
        [{"type":"HEADER","format":"IMAGE"},
         {"type":"BODY","text":"Hi {{1}}, we have not heard from you in a while. Is there anything else we can help you with?"},
         {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Yes, please"},{"type":"QUICK_REPLY","text":"No, thanks"}]}]
        """);

    public static readonly TemplateOption HelloWorld = Option(3, "hello_world", "en_US", "UTILITY", """
        [{"type":"HEADER","format":"TEXT","text":"Hello World"},
         {"type":"BODY","text":"Welcome and congratulations!!"},
         {"type":"FOOTER","text":"WhatsApp Business Platform sample message"}]
        """);

    public static readonly TemplateOption Named = Option(4, "delivery_named", "pt_BR", "UTILITY", """
        [{"type":"HEADER","format":"TEXT","text":"Order {{order_id}}"},
         {"type":"BODY","text":"Hi {{first_name}}, it arrives on {{day}}."}]
        """, TemplateContent.Named);

    public static TemplateOption Option(long id, string name, string language, string category, string components, string format = TemplateContent.Positional) =>
        new(id, name, language, category, TemplateContent.Parse(components, format));
}
