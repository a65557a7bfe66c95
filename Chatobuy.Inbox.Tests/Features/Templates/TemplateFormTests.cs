using Bunit;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Templates;

/// <summary>The create form as an admin uses it: example fields per variable, errors next to fields, the live preview.</summary>
public sealed class TemplateFormTests : ComponentTestContext
{
    private readonly List<TemplateDraft> _submitted = [];

    public TemplateFormTests()
    {
        Services.AddSingleton<TemplateDraftValidator>();
    }

    private IRenderedComponent<TemplateForm> RenderForm(TemplateDraft draft, GraphError? refusal = null)
    {
        RenderProviders();
        return Render<TemplateForm>(p => p
            .Add(f => f.Draft, draft)
            .Add(f => f.Refusal, refusal)
            .Add(f => f.OnSubmit, d => _submitted.Add(d)));
    }

    /// <summary>A MudBlazor field's whole text: label, helper and the error shown under it.</summary>
    private static string FieldText(IRenderedComponent<TemplateForm> form, string testId) =>
        form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public void Body_TypingVariables_AddsAnExampleFieldPerVariableAndPreviewsThem()
    {
        var form = RenderForm(new TemplateDraft());

        form.Find("[data-testid=body]").Input("Hi {{1}}, your order {{2}} shipped.");

        form.FindAll("[data-testid=example-1]").Count.ShouldBe(1);
        form.FindAll("[data-testid=example-2]").Count.ShouldBe(1);
        form.Find("[data-testid=example-1]").Input("Mark");
        form.Find("[data-testid=preview-body]").TextContent.ShouldBe("Hi Mark, your order {{2}} shipped.");

        form.Find("[data-testid=body]").Input("Hi {{1}}, thanks.");
        form.FindAll("[data-testid=example-2]").ShouldBeEmpty();
    }

    [Fact]
    public void Submit_WithMistakes_ShowsEachErrorNextToItsFieldAndSendsNothing()
    {
        var form = RenderForm(new TemplateDraft { Name = "Bad Name", Body = "{{1}} is waiting" });

        form.Find("[data-testid=submit]").Click();

        FieldText(form, "name").ShouldContain("Use lowercase letters, digits and underscores only");
        FieldText(form, "body").ShouldContain("The body can't start with a variable");
        FieldText(form, "example-1").ShouldContain("Give an example for {{1}}.");
        form.Find("[data-testid=form-errors]").TextContent.ShouldContain("Fix the 3 fields");
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void Submit_ErrorFixed_ClearsItsMessageAndSubmits()
    {
        var form = RenderForm(new TemplateDraft { Name = "Bad Name", Body = "Your table is ready." });
        form.Find("[data-testid=submit]").Click();
        FieldText(form, "name").ShouldContain("Use lowercase letters");

        form.Find("[data-testid=name]").Input("table_ready");

        FieldText(form, "name").ShouldNotContain("Use lowercase letters");
        form.Find("[data-testid=submit]").Click();
        _submitted.ShouldHaveSingleItem().Name.ShouldBe("table_ready");
    }

    [Fact]
    public void TextHeaderWithVariable_AsksForItsExample()
    {
        var form = RenderForm(new TemplateDraft { Name = "promo", Body = "Our sale is on.", HeaderKind = TemplateHeaderKind.Text });

        form.Find("[data-testid=header-text]").Input("Hello {{1}}");
        form.Find("[data-testid=header-example]").Input("Mark");

        form.Find("[data-testid=preview-header]").TextContent.ShouldBe("Hello Mark");
    }

    [Fact]
    public void ImageHeaderWithChosenFile_PreviewShowsTheFileName()
    {
        RenderProviders();
        var form = Render<TemplateForm>(p => p
            .Add(f => f.Draft, new TemplateDraft { HeaderKind = TemplateHeaderKind.Image })
            .Add(f => f.HeaderFileName, "summer-sale.jpg"));

        form.Find("[data-testid=preview-header]").TextContent.ShouldContain("summer-sale.jpg");
        form.Find("[data-testid=preview-header]").TextContent.ShouldNotContain("HeaderFileName");
    }

    [Fact]
    public void MetaRefusal_IsExplainedBesideTheForm()
    {
        var refusal = GraphErrorExplainer.Explain(100, GraphErrorExplainer.TemplateAlreadyExists, "OAuthException", "Invalid parameter", "trace1", 400, GraphOperation.CreateTemplate)
            with { MetaUserMessage = "There is already en_US content for the template promo." };

        var form = RenderForm(new TemplateDraft(), refusal);

        var alert = form.Find("[data-testid=meta-refusal]").TextContent;
        alert.ShouldContain("A template with that name and language already exists.");
        alert.ShouldContain("Pick another name");
        alert.ShouldContain("Meta says: “There is already en_US content for the template promo.”");
        alert.ShouldContain("100/2388024");
    }

    [Fact]
    public void Authentication_HidesBodyAndPreviewsWhatsAppsText()
    {
        var form = RenderForm(new TemplateDraft { Category = "AUTHENTICATION", CodeExpirationMinutes = 5 });

        form.FindAll("[data-testid=body]").ShouldBeEmpty();
        form.Find("[data-testid=preview-body]").TextContent.ShouldBe("123456 is your verification code. For your security, do not share this code.");
        form.Find("[data-testid=preview-footer]").TextContent.ShouldBe("This code expires in 5 minutes.");
        form.Find("[data-testid=preview-button]").TextContent.ShouldContain("Copy code");
    }

    [Fact]
    public void Edit_KeepsNameLanguageAndVariableStyleReadOnly()
    {
        RenderProviders();
        var form = Render<TemplateForm>(p => p.Add(f => f.Draft, new TemplateDraft { Name = "order_update", Body = "Hi {{1}}, thanks." }).Add(f => f.IsEdit, true));

        form.Find("[data-testid=name]").HasAttribute("disabled").ShouldBeTrue();
        form.Find("[data-testid=submit]").TextContent.ShouldContain("Save and submit for review");
    }

    [Fact]
    public void MediaHeadersOff_OffersOnlyNoneAndText()
    {
        RenderProviders();
        var form = Render<TemplateForm>(p => p.Add(f => f.Draft, new TemplateDraft()).Add(f => f.MediaHeaders, false));

        form.Instance.MediaHeaders.ShouldBeFalse();
        form.Markup.ShouldNotContain("Upload an example file");
    }
}
