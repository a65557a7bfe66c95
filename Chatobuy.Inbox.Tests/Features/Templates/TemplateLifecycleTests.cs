using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Templates;

/// <summary>
/// Templates against the Sandbox over real HTTP: submitted PENDING, decided by the Sandbox's review and announced by
/// its signed webhook, edited back to review, deleted by language or by name, synced over several pages.
/// </summary>
public sealed class TemplateLifecycleTests(TemplatesApp fixture) : IClassFixture<TemplatesApp>
{
    [Fact]
    public async Task Create_ValidTemplate_IsPendingThenApprovedByWebhookAndPushedLive()
    {
        await using var hub = await fixture.WatchAsync();
        var approved = new TaskCompletionSource<TemplateEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<TemplateEvent>(nameof(IInboxClient.TemplateUpdated), e =>
        {
            if (e is { Name: "table_ready", Status: "APPROVED" })
            {
                approved.TrySetResult(e);
            }
        });

        var created = await fixture.CreateAsync(TemplatesApp.Draft("table_ready"));

        created.Succeeded.ShouldBeTrue(created.Message);
        created.Template!.Status.ShouldBe("PENDING");
        var pushed = await approved.Task.WaitAsync(TimeSpan.FromSeconds(20));
        pushed.TemplateId.ShouldBe(created.Template.MetaId);
        pushed.Language.ShouldBe("en_US");
        var stored = (await fixture.TemplatesAsync()).Single(t => t.Name == "table_ready");
        stored.Status.ShouldBe("APPROVED");
        stored.RejectedReason.ShouldBeNull();
        stored.Content.Body.ShouldBe("Hi {{1}}, your table is ready.");
    }

    [Theory]
    [InlineData("lottery_news", "MARKETING", "You won the lottery, {{1}}! Claim it today.", "ABUSIVE_CONTENT")]
    [InlineData("utility_promo", "UTILITY", "Hi {{1}}, use promo code SAVE for 20% off today.", "PROMOTIONAL")]
    [InlineData("ends_with_variable", "UTILITY", "Your order is ready, {{1}}", "INVALID_FORMAT")]
    [InlineData("adjacent_variables", "UTILITY", "Hello {{1}} {{2}}, your order is ready.", "INVALID_FORMAT")]
    public async Task Create_BreakingTheReviewRules_IsRejectedWithMetaReason(string name, string category, string body, string reason)
    {
        // The manager submits what it is given; the form's validator would have stopped the last two first.
        var created = await fixture.CreateAsync(TemplatesApp.Draft(name, body, category));

        created.Succeeded.ShouldBeTrue(created.Message);
        var templates = await fixture.WaitForAsync(all => all.Any(t => t.Name == name && t.Status == "REJECTED"));
        var stored = templates.Single(t => t.Name == name);
        stored.Status.ShouldBe("REJECTED");
        stored.RejectedReason.ShouldBe(reason);
    }

    [Fact]
    public async Task Create_Authentication_StoresTheTextsWhatsAppWritesAndIsApproved()
    {
        var draft = new TemplateDraft { Name = "login_code", Category = "AUTHENTICATION", Language = "en_US", CodeExpirationMinutes = 10, OtpButtonText = "Copy code" };

        var created = await fixture.CreateAsync(draft);

        created.Succeeded.ShouldBeTrue(created.Message);
        var stored = (await fixture.WaitForAsync(all => all.Any(t => t.Name == "login_code" && t.Status == "APPROVED"))).Single(t => t.Name == "login_code");
        stored.Status.ShouldBe("APPROVED");
        stored.Content.Body.ShouldBe("*{{1}}* is your verification code. For your security, do not share this code.");
        stored.Content.Footer.ShouldBe("This code expires in 10 minutes.");
        stored.Content.Buttons.ShouldHaveSingleItem().Type.ShouldBe("OTP");
    }

    [Fact]
    public async Task Create_EveryPartOfTheForm_IsAcceptedByMetaAndStoredAsWritten()
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
            Body = "Hi {{first_name}}, our spring offer ends on {{end_date}}. Show this message in store.",
            BodyExamples = new(StringComparer.Ordinal) { ["first_name"] = "Mark", ["end_date"] = "Friday" },
            Footer = "Tap Stop to opt out",
            Buttons =
            [
                new TemplateButtonDraft { Kind = TemplateButtonKind.Url, Text = "See offers", Url = "https://example.com/offers/{{1}}", UrlExample = "spring" },
                new TemplateButtonDraft { Kind = TemplateButtonKind.PhoneNumber, Text = "Call us", PhoneNumber = "+1 555 0100" },
                new TemplateButtonDraft { Kind = TemplateButtonKind.CopyCode, Text = "Copy code", CodeExample = "SPRING25" },
                new TemplateButtonDraft { Kind = TemplateButtonKind.QuickReply, Text = "Stop" },
            ],
        };

        var created = await fixture.CreateAsync(draft);

        created.Succeeded.ShouldBeTrue(created.Message);
        var stored = (await fixture.WaitForAsync(all => all.Any(t => t.Name == "spring_offer" && t.Status == "APPROVED"))).Single(t => t.Name == "spring_offer");
        stored.Status.ShouldBe("APPROVED");
        stored.ParameterFormat.ShouldBe(TemplateContent.Named);
        stored.Content.Header!.Text.ShouldBe("Hello {{first_name}}");
        stored.Content.BodyVariables.ShouldBe(["first_name", "end_date"]);
        stored.Content.Buttons.Select(b => b.Type).ShouldBe(["URL", "PHONE_NUMBER", "COPY_CODE", "QUICK_REPLY"]);
        stored.Content.Buttons[1].PhoneNumber.ShouldBe("+15550100");
        TemplateDraft.From(stored).BodyExamples["end_date"].ShouldBe("Friday");
    }

    [Fact]
    public async Task Create_ImageHeader_UploadsTheExampleThenIsApproved()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var handle = await fixture.WithAsync<TemplateManager, GraphResult<string>>(m => m.UploadHeaderExampleAsync(fixture.Channel.Id, "shoes.png", "image/png", png));
        handle.Succeeded.ShouldBeTrue(handle.Error?.ForUser);
        var draft = TemplatesApp.Draft("new_shoes", "Hi {{1}}, new shoes just arrived in store.", "MARKETING");
        draft.HeaderKind = TemplateHeaderKind.Image;
        draft.HeaderHandle = handle.Value;

        var created = await fixture.CreateAsync(draft);

        created.Succeeded.ShouldBeTrue(created.Message);
        var stored = (await fixture.WaitForAsync(all => all.Any(t => t.Name == "new_shoes" && t.Status == "APPROVED"))).Single(t => t.Name == "new_shoes");
        stored.Content.Header!.Format.ShouldBe("IMAGE");
        stored.Content.HasMediaHeader.ShouldBeTrue();
    }

    [Fact]
    public async Task Create_SameNameAndLanguageAgain_MetaRefusalIsExplainedAndNothingStored()
    {
        (await fixture.CreateAsync(TemplatesApp.Draft("twice_named"))).Succeeded.ShouldBeTrue();

        var again = await fixture.CreateAsync(TemplatesApp.Draft("twice_named"));

        again.Succeeded.ShouldBeFalse();
        again.GraphError!.Code.ShouldBe(100);
        again.GraphError.Subcode.ShouldBe(GraphErrorExplainer.TemplateAlreadyExists);
        again.GraphError.Explanation.ShouldBe("A template with that name and language already exists.");
        again.GraphError.MetaUserMessage.ShouldNotBeNull().ShouldContain("en_US");
        (await fixture.TemplatesAsync()).Count(t => t.Name == "twice_named").ShouldBe(1);
    }

    [Fact]
    public async Task Create_HeaderOverSixtyCharacters_MetaRefusesWithCharacterLimit()
    {
        var draft = TemplatesApp.Draft("long_header");
        draft.HeaderKind = TemplateHeaderKind.Text;
        draft.HeaderText = new string('h', 61);

        var refused = await fixture.CreateAsync(draft);

        refused.Succeeded.ShouldBeFalse();
        refused.GraphError!.Subcode.ShouldBe(GraphErrorExplainer.TemplateCharacterLimit);
        refused.GraphError.NextStep.ShouldContain("60 characters");
        (await fixture.TemplatesAsync()).ShouldNotContain(t => t.Name == "long_header");
    }

    [Fact]
    public async Task Edit_ApprovedTemplate_GoesBackToPendingThenIsDecidedAgain()
    {
        var created = await fixture.CreateAsync(TemplatesApp.Draft("to_edit"));
        await fixture.WaitForAsync(all => all.Any(t => t.Name == "to_edit" && t.Status == "APPROVED"));
        var draft = TemplateDraft.From((await fixture.TemplatesAsync()).Single(t => t.Name == "to_edit"));
        draft.Body = "Hello {{1}}, your table by the window is ready.";
        draft.Footer = "See you soon";

        var edited = await fixture.WithAsync<TemplateManager, TemplateCommandResult>(m => m.EditAsync(fixture.Channel.Id, created.Template!.Id, draft));

        edited.Succeeded.ShouldBeTrue(edited.Message);
        edited.Template!.Status.ShouldBe("PENDING");
        var stored = (await fixture.WaitForAsync(all => all.Any(t => t.Name == "to_edit" && t.Status == "APPROVED"))).Single(t => t.Name == "to_edit");
        stored.Status.ShouldBe("APPROVED");
        stored.Content.Body.ShouldBe("Hello {{1}}, your table by the window is ready.");
        stored.Content.Footer.ShouldBe("See you soon");
    }

    [Fact]
    public async Task Edit_PendingTemplate_IsRefusedByMeta()
    {
        var sandbox = fixture.App.Services.GetRequiredService<SandboxTemplates>();
        var created = await fixture.CreateAsync(TemplatesApp.Draft("still_pending"));
        sandbox.Update(created.Template!.MetaId, t => t with { Status = "IN_APPEAL" });

        var edited = await fixture.WithAsync<TemplateManager, TemplateCommandResult>(m => m.EditAsync(fixture.Channel.Id, created.Template.Id, TemplatesApp.Draft("still_pending", "Hi {{1}}, changed text here.")));

        edited.Succeeded.ShouldBeFalse();
        edited.GraphError!.Explanation.ShouldContain("Only approved, rejected or paused templates can be edited");
    }

    [Fact]
    public async Task Delete_OneLanguage_LeavesTheOtherLanguages()
    {
        var english = await fixture.CreateAsync(TemplatesApp.Draft("bilingual_one"));
        var spanish = await fixture.CreateAsync(TemplatesApp.Draft("bilingual_one", "Hola {{1}}, su mesa está lista.", language: "es"));

        var deleted = await fixture.WithAsync<TemplateManager, TemplateCommandResult>(m => m.DeleteAsync(fixture.Channel.Id, spanish.Template!.Id, allLanguages: false));

        deleted.Succeeded.ShouldBeTrue(deleted.Message);
        (await fixture.TemplatesAsync()).Where(t => t.Name == "bilingual_one").Select(t => t.Language).ShouldBe(["en_US"]);
        var sync = await fixture.SyncAsync();
        sync.Succeeded.ShouldBeTrue();
        (await fixture.TemplatesAsync()).Single(t => t.Name == "bilingual_one").MetaId.ShouldBe(english.Template!.MetaId);
    }

    [Fact]
    public async Task Delete_AllLanguages_RemovesEveryLanguageHereAndAtMeta()
    {
        var english = await fixture.CreateAsync(TemplatesApp.Draft("bilingual_all"));
        await fixture.CreateAsync(TemplatesApp.Draft("bilingual_all", "Hola {{1}}, su mesa está lista.", language: "es"));

        var deleted = await fixture.WithAsync<TemplateManager, TemplateCommandResult>(m => m.DeleteAsync(fixture.Channel.Id, english.Template!.Id, allLanguages: true));

        deleted.Succeeded.ShouldBeTrue(deleted.Message);
        (await fixture.TemplatesAsync()).ShouldNotContain(t => t.Name == "bilingual_all");
        var atMeta = await fixture.WithAsync<GraphClient, GraphResult<IReadOnlyList<TemplateData>>>(g => g.ListTemplatesAsync(fixture.Connection, fixture.Channel.WabaId, CancellationToken.None));
        atMeta.Value!.ShouldNotContain(t => t.Name == "bilingual_all");
    }

    [Fact]
    public async Task Sync_OverSeveralPages_StoresEveryTemplateAndDropsTheOnesMetaNoLongerLists()
    {
        var graph = fixture.App.Services.GetRequiredService<SandboxTemplates>();
        for (var i = 0; i < 5; i++)
        {
            graph.Add(fixture.Channel.WabaId, $"synced_{i}", "en_US", "UTILITY", "POSITIONAL", JsonNode.Parse("""[{"type":"BODY","text":"Plain text"}]""")!.AsArray(), "APPROVED");
        }

        var first = await fixture.SyncAsync();

        first.Succeeded.ShouldBeTrue(first.Summary);
        var atMeta = graph.List(fixture.Channel.WabaId);
        atMeta.Count.ShouldBeGreaterThan(4); // several pages of two
        var stored = await fixture.TemplatesAsync();
        stored.Select(t => t.MetaId).ShouldBe(atMeta.Select(t => t.Id), ignoreOrder: true);
        stored.Single(t => t.Name == "spring_sale").Status.ShouldBe("PAUSED");
        stored.Single(t => t.Name == "spring_sale").QualityScore.ShouldBe("RED");

        graph.Remove(t => t.Name == "synced_3");
        var second = await fixture.SyncAsync();

        second.Removed.ShouldBe(1);
        (await fixture.TemplatesAsync()).ShouldNotContain(t => t.Name == "synced_3");
    }

    [Fact]
    public async Task SandboxQualityAndPause_ReachTheStoredTemplateLive()
    {
        var created = await fixture.CreateAsync(TemplatesApp.Draft("quality_watch"));
        await fixture.WaitForAsync(all => all.Any(t => t.Name == "quality_watch" && t.Status == "APPROVED"));
        var review = fixture.App.Services.GetRequiredService<SandboxTemplateReview>();

        review.ChangeQuality(created.Template!.MetaId, "YELLOW");
        review.ChangeStatus(created.Template.MetaId, "PAUSED", "NONE");
        review.ChangeCategory(created.Template.MetaId, "MARKETING");

        var stored = (await fixture.WaitForAsync(all => all.Any(t => t.Name == "quality_watch" && t.Status == "PAUSED" && t.QualityScore == "YELLOW" && t.Category == "MARKETING")))
            .Single(t => t.Name == "quality_watch");
        stored.Status.ShouldBe("PAUSED");
        stored.QualityScore.ShouldBe("YELLOW");
        stored.Category.ShouldBe("MARKETING");
        stored.PreviousCategory.ShouldBe("UTILITY");
    }

    [Fact]
    public async Task IntegrationApi_ListsTheChannelsTemplates_FilteredByStatus()
    {
        await fixture.SyncAsync();
        await using var scope = fixture.App.CreateScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Templates test", "tests");
        using var client = fixture.App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Plaintext);

        var response = await client.GetAsync($"/api/v1/channels/{fixture.Channel.Id}/templates?status=PAUSED");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paused = json.RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "spring_sale");
        paused.GetProperty("status").GetString().ShouldBe("PAUSED");
        paused.GetProperty("quality").GetString().ShouldBe("RED");
        paused.GetProperty("language").GetString().ShouldBe("en_US");
        paused.GetProperty("components")[0].GetProperty("type").GetString().ShouldBe("BODY");
        json.RootElement.EnumerateArray().ShouldAllBe(t => t.GetProperty("status").GetString() == "PAUSED");
        (await client.GetAsync("/api/v1/channels/nope/templates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
