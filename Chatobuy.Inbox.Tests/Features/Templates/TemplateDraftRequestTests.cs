using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Templates;
using Chatobuy.Inbox.Features.Templates;

namespace Chatobuy.Inbox.Tests.Features.Templates;

/// <summary>
/// What the template form sends to Meta (reference §5.2–5.3): each draft's create or edit request, as it goes on the
/// wire, against the JSON of Meta's documentation.
/// </summary>
public sealed class TemplateDraftRequestTests
{
    [Fact]
    public void CreateRequest_MarketingWithTextHeaderAndLinkCallAndQuickReplyButtons_IsMetasSeasonalPromotion()
    {
        var draft = new TemplateDraft
        {
            Name = "seasonal_promotion",
            Category = "MARKETING",
            Language = "en_US",
            HeaderKind = TemplateHeaderKind.Text,
            HeaderText = "Our {{1}} is on!",
            HeaderExample = "Summer Sale",
            Body = "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.",
            BodyExamples = new(StringComparer.Ordinal) { ["1"] = "the end of August", ["2"] = "25OFF", ["3"] = "25%" },
            Footer = "Use the buttons below to manage your marketing subscriptions",
            Buttons =
            [
                new TemplateButtonDraft { Kind = TemplateButtonKind.QuickReply, Text = "Unsubscribe from Promos" },
                new TemplateButtonDraft { Kind = TemplateButtonKind.Url, Text = "Shop Now", Url = "https://www.luckyshrub.com/shop?promo={{1}}", UrlExample = "summer2023" },
                new TemplateButtonDraft { Kind = TemplateButtonKind.PhoneNumber, Text = "Call", PhoneNumber = "1 555 005 1310" },
            ],
        };

        ShouldBeOnTheWire(draft.ToCreateRequest(), """
            {
              "name": "seasonal_promotion",
              "language": "en_US",
              "category": "MARKETING",
              "parameter_format": "POSITIONAL",
              "components": [
                { "type": "HEADER", "format": "TEXT", "text": "Our {{1}} is on!", "example": { "header_text": ["Summer Sale"] } },
                {
                  "type": "BODY",
                  "text": "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.",
                  "example": { "body_text": [["the end of August", "25OFF", "25%"]] }
                },
                { "type": "FOOTER", "text": "Use the buttons below to manage your marketing subscriptions" },
                {
                  "type": "BUTTONS",
                  "buttons": [
                    { "type": "QUICK_REPLY", "text": "Unsubscribe from Promos" },
                    { "type": "URL", "text": "Shop Now", "url": "https://www.luckyshrub.com/shop?promo={{1}}", "example": ["summer2023"] },
                    { "type": "PHONE_NUMBER", "text": "Call", "phone_number": "15550051310" }
                  ]
                }
              ]
            }
            """);
    }

    [Fact]
    public void CreateRequest_NamedParametersWithCopyCodeButton_GivesEachExampleByName()
    {
        var draft = new TemplateDraft
        {
            Name = "order_confirmation",
            Category = "UTILITY",
            Language = "en_US",
            ParameterFormat = TemplateContent.Named,
            HeaderKind = TemplateHeaderKind.Text,
            HeaderText = "Our new sale starts {{sale_start_date}}!",
            HeaderExample = "December 1st",
            Body = "Thank you, {{first_name}}! Your order number is {{order_number}}.",
            BodyExamples = new(StringComparer.Ordinal) { ["first_name"] = "Pablo", ["order_number"] = "860198-230332" },
            Buttons = [new TemplateButtonDraft { Kind = TemplateButtonKind.CopyCode, Text = "Copy offer code", CodeExample = "250FF" }],
        };

        // Meta documents COPY_CODE without "text" (WhatsApp shows its own label); the inbox sends the label it shows in the preview.
        ShouldBeOnTheWire(draft.ToCreateRequest(), """
            {
              "name": "order_confirmation",
              "language": "en_US",
              "category": "UTILITY",
              "parameter_format": "NAMED",
              "components": [
                {
                  "type": "HEADER",
                  "format": "TEXT",
                  "text": "Our new sale starts {{sale_start_date}}!",
                  "example": { "header_text_named_params": [{ "param_name": "sale_start_date", "example": "December 1st" }] }
                },
                {
                  "type": "BODY",
                  "text": "Thank you, {{first_name}}! Your order number is {{order_number}}.",
                  "example": {
                    "body_text_named_params": [
                      { "param_name": "first_name", "example": "Pablo" },
                      { "param_name": "order_number", "example": "860198-230332" }
                    ]
                  }
                },
                { "type": "BUTTONS", "buttons": [{ "type": "COPY_CODE", "text": "Copy offer code", "example": "250FF" }] }
              ]
            }
            """);
    }

    [Theory]
    [InlineData(TemplateHeaderKind.Image, "IMAGE")]
    [InlineData(TemplateHeaderKind.Video, "VIDEO")]
    [InlineData(TemplateHeaderKind.Document, "DOCUMENT")]
    public void CreateRequest_MediaHeader_GivesTheUploadHandleAsExample(TemplateHeaderKind kind, string format)
    {
        var draft = new TemplateDraft
        {
            Name = "order_shipped",
            Category = "UTILITY",
            Language = "en_US",
            HeaderKind = kind,
            HeaderHandle = "4::YXBwbGljYXRpb24vcGRm:ARZ",
            Body = "Your order has shipped. Tap below to track it.",
        };

        ShouldBeOnTheWire(draft.ToCreateRequest(), $$"""
            {
              "name": "order_shipped",
              "language": "en_US",
              "category": "UTILITY",
              "parameter_format": "POSITIONAL",
              "components": [
                { "type": "HEADER", "format": "{{format}}", "example": { "header_handle": ["4::YXBwbGljYXRpb24vcGRm:ARZ"] } },
                { "type": "BODY", "text": "Your order has shipped. Tap below to track it." }
              ]
            }
            """);
    }

    [Fact]
    public void CreateRequest_Authentication_IsSecurityRecommendationExpiryAndCopyCodeOtpButton()
    {
        var draft = new TemplateDraft
        {
            Name = "authentication_code_copy_code_button",
            Category = "AUTHENTICATION",
            Language = "en_US",
            ParameterFormat = TemplateContent.Named,
            Body = "ignored: WhatsApp writes the body of an authentication template",
            AddSecurityRecommendation = true,
            CodeExpirationMinutes = 10,
            OtpButtonText = "Copy Code",
        };

        ShouldBeOnTheWire(draft.ToCreateRequest(), """
            {
              "name": "authentication_code_copy_code_button",
              "language": "en_US",
              "category": "AUTHENTICATION",
              "parameter_format": "POSITIONAL",
              "components": [
                { "type": "BODY", "add_security_recommendation": true },
                { "type": "FOOTER", "code_expiration_minutes": 10 },
                { "type": "BUTTONS", "buttons": [{ "type": "OTP", "otp_type": "COPY_CODE", "text": "Copy Code" }] }
              ]
            }
            """);
    }

    [Fact]
    public void CreateRequest_AuthenticationWithoutExpiry_HasNoFooter()
    {
        var draft = new TemplateDraft { Name = "login", Category = "AUTHENTICATION", AddSecurityRecommendation = false, CodeExpirationMinutes = null };

        ShouldBeOnTheWire(draft.ToCreateRequest(), """
            {
              "name": "login",
              "language": "en_US",
              "category": "AUTHENTICATION",
              "parameter_format": "POSITIONAL",
              "components": [
                { "type": "BODY", "add_security_recommendation": false },
                { "type": "BUTTONS", "buttons": [{ "type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code" }] }
              ]
            }
            """);
    }

    [Fact]
    public void EditRequest_SameCategory_SendsOnlyTheComponents()
    {
        var draft = new TemplateDraft { Name = "table_ready", Category = "UTILITY", Body = "Hi {{1}}, your table is ready.", BodyExamples = { ["1"] = "Mark" } };

        ShouldBeOnTheWire(draft.ToEditRequest("UTILITY"), """
            { "components": [{ "type": "BODY", "text": "Hi {{1}}, your table is ready.", "example": { "body_text": [["Mark"]] } }] }
            """);
    }

    [Fact]
    public void EditRequest_ChangedCategory_SendsTheNewCategory()
    {
        var draft = new TemplateDraft { Name = "table_ready", Category = "MARKETING", Body = "Table ready!", Footer = "See you soon" };

        ShouldBeOnTheWire(draft.ToEditRequest("UTILITY"), """
            {
              "category": "MARKETING",
              "components": [{ "type": "BODY", "text": "Table ready!" }, { "type": "FOOTER", "text": "See you soon" }]
            }
            """);
    }

    [Fact]
    public void From_MetasListedTemplate_ReadsEveryPartBackIntoTheForm()
    {
        var stored = new MessageTemplate
        {
            Name = "2023_april_promo",
            Language = "en_US",
            Category = "MARKETING",
            ComponentsJson = """
                [{"type":"HEADER","format":"TEXT","text":"Fall Sale {{1}}","example":{"header_text":["now"]}},
                 {"type":"BODY","text":"Hi {{1}}, our Fall Sale is on! Use promo code {{2}} to get 25% off.","example":{"body_text":[["Mark","FALL25"]]}},
                 {"type":"FOOTER","text":"Not interested in any of our sales? Tap Stop Promotions"},
                 {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop promotions"},
                   {"type":"URL","text":"Shop","url":"https://example.com/shop/{{1}}","example":["https://example.com/shop/fall"]},
                   {"type":"PHONE_NUMBER","text":"Call us","phone_number":"+15550100"},
                   {"type":"COPY_CODE","text":"Copy offer code","example":"FALL25"},
                   {"type":"FLOW","text":"Book","flow_id":123456}]}]
                """,
        };

        var draft = TemplateDraft.From(stored);

        draft.HeaderKind.ShouldBe(TemplateHeaderKind.Text);
        draft.HeaderText.ShouldBe("Fall Sale {{1}}");
        draft.HeaderExample.ShouldBe("now");
        draft.Body.ShouldBe("Hi {{1}}, our Fall Sale is on! Use promo code {{2}} to get 25% off.");
        draft.BodyExamples.ShouldBe(new Dictionary<string, string> { ["1"] = "Mark", ["2"] = "FALL25" });
        draft.Footer.ShouldBe("Not interested in any of our sales? Tap Stop Promotions");
        draft.Buttons.Select(b => (b.Kind, b.Text)).ShouldBe(
        [
            (TemplateButtonKind.QuickReply, "Stop promotions"),
            (TemplateButtonKind.Url, "Shop"),
            (TemplateButtonKind.PhoneNumber, "Call us"),
            (TemplateButtonKind.CopyCode, "Copy offer code"),
            (TemplateButtonKind.QuickReply, "Book"),
        ]);
        draft.Buttons[1].UrlExample.ShouldBe("https://example.com/shop/fall");
        draft.Buttons[2].PhoneNumber.ShouldBe("+15550100");
        draft.Buttons[3].CodeExample.ShouldBe("FALL25");
    }

    [Fact]
    public void From_StoredAuthenticationTemplate_KeepsItsChoices()
    {
        var stored = new MessageTemplate
        {
            Name = "login_code",
            Language = "en_US",
            Category = "AUTHENTICATION",
            ComponentsJson = """
                [{"type":"BODY","text":"*{{1}}* is your verification code.","add_security_recommendation":false},
                 {"type":"FOOTER","text":"This code expires in 5 minutes.","code_expiration_minutes":5},
                 {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy it"}]}]
                """,
        };

        var draft = TemplateDraft.From(stored);

        draft.AddSecurityRecommendation.ShouldBeFalse();
        draft.CodeExpirationMinutes.ShouldBe(5);
        draft.OtpButtonText.ShouldBe("Copy it");
        draft.Buttons.ShouldBeEmpty();
    }

    [Fact]
    public void From_WhatTheFormSent_GivesTheSameRequestBack()
    {
        var draft = new TemplateDraft
        {
            Name = "spring_offer",
            Category = "MARKETING",
            Language = "en_GB",
            ParameterFormat = TemplateContent.Named,
            HeaderKind = TemplateHeaderKind.Text,
            HeaderText = "Hello {{first_name}}",
            HeaderExample = "Mark",
            Body = "Hi {{first_name}}, our spring offer ends on {{end_date}}.",
            BodyExamples = new(StringComparer.Ordinal) { ["first_name"] = "Mark", ["end_date"] = "Friday" },
            Footer = "Tap Stop to opt out",
            Buttons =
            [
                new TemplateButtonDraft { Kind = TemplateButtonKind.Url, Text = "See offers", Url = "https://example.com/offers/{{1}}", UrlExample = "spring" },
                new TemplateButtonDraft { Kind = TemplateButtonKind.CopyCode, Text = "Copy code", CodeExample = "SPRING25" },
            ],
        };
        var sent = draft.ToCreateRequest();
        var stored = new MessageTemplate
        {
            Name = sent.Name,
            Language = sent.Language,
            Category = sent.Category,
            ParameterFormat = sent.ParameterFormat,
            ComponentsJson = TemplateComponents.ToJson(sent.Components),
        };

        Wire(TemplateDraft.From(stored).ToCreateRequest()).ToJsonString().ShouldBe(Wire(sent).ToJsonString());
    }

    private static JsonNode Wire<T>(T request) => JsonSerializer.SerializeToNode(request, GraphJson.Options)!;

    private static void ShouldBeOnTheWire<T>(T request, string expected)
    {
        var actual = Wire(request);
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).ShouldBeTrue($"On the wire: {actual.ToJsonString()}");
    }
}
