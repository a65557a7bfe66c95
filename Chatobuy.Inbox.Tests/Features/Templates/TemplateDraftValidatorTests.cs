using Chatobuy.Inbox.Features.Templates;

namespace Chatobuy.Inbox.Tests.Features.Templates;

/// <summary>Meta's template rules, each with the message the user sees next to the field.</summary>
public sealed class TemplateDraftValidatorTests
{
    private readonly TemplateDraftValidator _validator = new();

    private static TemplateDraft Valid() => new()
    {
        Name = "order_update",
        Category = "UTILITY",
        Language = "en_US",
        Body = "Hi {{1}}, your order {{2}} is on its way.",
        BodyExamples = new(StringComparer.Ordinal) { ["1"] = "Mark", ["2"] = "#1042" },
    };

    private IReadOnlyDictionary<string, string> Errors(Action<TemplateDraft> change)
    {
        var draft = Valid();
        change(draft);
        return _validator.ErrorsOf(draft);
    }

    [Fact]
    public void ValidDraft_HasNoErrors() => _validator.ErrorsOf(Valid()).ShouldBeEmpty();

    [Theory]
    [InlineData("Order_Update")]
    [InlineData("order update")]
    [InlineData("order-update")]
    [InlineData("")]
    public void Name_NotLowercaseDigitsUnderscores_IsRefused(string name) =>
        Errors(d => d.Name = name).ShouldContainKey("Name");

    [Fact]
    public void Name_Over512Characters_IsRefused() =>
        Errors(d => d.Name = new string('a', 513))["Name"].ShouldBe("The name can be at most 512 characters.");

    [Fact]
    public void Language_NotInMetasList_IsRefused() =>
        Errors(d => d.Language = "xx_YY")["Language"].ShouldBe("Pick a language from the list.");

    [Fact]
    public void HeaderText_Over60Characters_IsRefused() =>
        Errors(d => { d.HeaderKind = TemplateHeaderKind.Text; d.HeaderText = new string('h', 61); })["HeaderText"].ShouldBe("The header can be at most 60 characters.");

    [Fact]
    public void HeaderText_TwoVariables_IsRefused() =>
        Errors(d => { d.HeaderKind = TemplateHeaderKind.Text; d.HeaderText = "Hi {{1}} and {{2}}"; })["HeaderText"].ShouldBe("The header can hold at most one variable.");

    [Fact]
    public void HeaderText_VariableWithoutExample_AsksForOne() =>
        Errors(d => { d.HeaderKind = TemplateHeaderKind.Text; d.HeaderText = "Hello {{1}}"; })["HeaderExample"].ShouldBe("Give an example for the header variable.");

    [Fact]
    public void MediaHeader_WithoutUploadedExample_AsksForAFile() =>
        Errors(d => d.HeaderKind = TemplateHeaderKind.Image)["HeaderHandle"].ShouldBe("Upload an example file for the header.");

    [Fact]
    public void Body_Over1024Characters_IsRefused() =>
        Errors(d => d.Body = "Hi " + new string('b', 1030))["Body"].ShouldBe("The body can be at most 1,024 characters.");

    [Fact]
    public void Body_StartingWithVariable_IsRefused() =>
        Errors(d => d.Body = "{{1}}, your order {{2}} is on its way.")["Body"].ShouldBe("The body can't start with a variable: put some text before it.");

    [Fact]
    public void Body_EndingWithVariable_IsRefused() =>
        Errors(d => d.Body = "Hi {{1}}, your order is {{2}}")["Body"].ShouldBe("The body can't end with a variable: put some text after it.");

    [Fact]
    public void Body_AdjacentVariables_IsRefused() =>
        Errors(d => d.Body = "Hi {{1}} {{2}}, your order is on its way.")["Body"].ShouldBe("Two variables can't be next to each other: put some text between them.");

    [Fact]
    public void Body_VariablesWithAGap_IsRefused() =>
        Errors(d => { d.Body = "Hi {{1}}, your order {{3}} is on its way."; d.BodyExamples["3"] = "x"; })["Body"].ShouldBe("Number the variables {{1}}, {{2}}, … from 1 without gaps.");

    [Fact]
    public void Body_VariableWithoutExample_IsMarkedOnItsExampleField()
    {
        var errors = Errors(d => d.BodyExamples.Remove("2"));

        errors["BodyExamples[2]"].ShouldBe("Give an example for {{2}}.");
        errors.ShouldNotContainKey("BodyExamples[1]");
    }

    [Fact]
    public void Body_NamedVariablesWithCapitals_IsRefused() =>
        Errors(d => { d.ParameterFormat = TemplateContent.Named; d.Body = "Hi {{FirstName}}, welcome."; d.BodyExamples["FirstName"] = "Mark"; })["Body"]
            .ShouldBe("Named variables use lowercase letters and underscores, e.g. {{first_name}}.");

    [Fact]
    public void Footer_Over60CharactersOrWithVariable_IsRefused()
    {
        Errors(d => d.Footer = new string('f', 61))["Footer"].ShouldBe("The footer can be at most 60 characters.");
        Errors(d => d.Footer = "Bye {{1}}")["Footer"].ShouldBe("The footer can't hold variables.");
    }

    [Fact]
    public void ButtonText_Over25Characters_IsRefusedOnThatButton() =>
        Errors(d => d.Buttons.Add(new TemplateButtonDraft { Text = new string('t', 26) }))["Buttons[0].Text"].ShouldBe("Button texts can be at most 25 characters.");

    [Fact]
    public void Buttons_MoreThanTen_IsRefused() =>
        Errors(d => d.Buttons.AddRange(Enumerable.Range(0, 11).Select(i => new TemplateButtonDraft { Text = $"Option {i}" })))["Buttons"]
            .ShouldBe("A template can have at most 10 buttons.");

    [Theory]
    [InlineData(TemplateButtonKind.Url, 3, "A template can have at most 2 URL buttons.")]
    [InlineData(TemplateButtonKind.PhoneNumber, 2, "A template can have at most 1 phone number button.")]
    [InlineData(TemplateButtonKind.CopyCode, 2, "A template can have at most 1 copy code button.")]
    public void Buttons_TooManyOfAType_IsRefused(TemplateButtonKind kind, int count, string message) =>
        Errors(d => d.Buttons.AddRange(Enumerable.Range(0, count).Select(i => new TemplateButtonDraft
        {
            Kind = kind,
            Text = $"Button {i}",
            Url = "https://example.com",
            PhoneNumber = "+15550100",
            CodeExample = "SAVE10",
        })))["Buttons"].ShouldBe(message);

    [Fact]
    public void UrlButton_VariableWithoutExampleOrNotAtTheEnd_IsRefused()
    {
        Errors(d => d.Buttons.Add(new TemplateButtonDraft { Kind = TemplateButtonKind.Url, Text = "Track", Url = "https://example.com/track/{{1}}" }))["Buttons[0].UrlExample"]
            .ShouldBe("Give an example for the address's variable.");
        Errors(d => d.Buttons.Add(new TemplateButtonDraft { Kind = TemplateButtonKind.Url, Text = "Track", Url = "https://example.com/{{1}}/track", UrlExample = "1" }))["Buttons[0].Url"]
            .ShouldBe("A web address can hold one variable, {{1}}, at its end.");
    }

    [Fact]
    public void PhoneButton_WithoutCountryCodeDigits_IsRefused() =>
        Errors(d => d.Buttons.Add(new TemplateButtonDraft { Kind = TemplateButtonKind.PhoneNumber, Text = "Call", PhoneNumber = "call us" }))["Buttons[0].PhoneNumber"]
            .ShouldBe("Enter the phone number with its country code, e.g. +15550100.");

    [Fact]
    public void Authentication_ChecksExpiryAndButtonOnly()
    {
        var errors = Errors(d =>
        {
            d.Category = "AUTHENTICATION";
            d.Body = "";
            d.CodeExpirationMinutes = 91;
        });

        errors.Keys.ShouldBe(["CodeExpirationMinutes"]);
        errors["CodeExpirationMinutes"].ShouldBe("The code can expire after 1 to 90 minutes.");
    }
}
