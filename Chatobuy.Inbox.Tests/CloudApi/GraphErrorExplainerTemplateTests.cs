using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Tests.CloudApi;

/// <summary>Meta's template refusals (reference §5.2) in plain language, each with what to do next.</summary>
public sealed class GraphErrorExplainerTemplateTests
{
    [Theory]
    [InlineData(100, 2388040, "longer than WhatsApp allows", "1,024")]
    [InlineData(100, 2388047, "not in a format WhatsApp accepts", "{{1}}, {{2}}")]
    [InlineData(100, 2388073, "footer is not accepted", "plain text without variables")]
    [InlineData(100, 2388293, "too many variables for its length", "more fixed words")]
    [InlineData(100, 2388299, "starts or ends with a variable", "before the first variable")]
    [InlineData(100, 2388019, "limit of message templates", "Delete templates you no longer use")]
    [InlineData(100, 2388024, "name and language already exists", "Pick another name")]
    [InlineData(200002, 2388109, "would not accept this template", "template guidelines")]
    public void Explain_TemplateSubcode_SaysWhatItMeansAndWhatToDo(int code, int subcode, string explanation, string next)
    {
        var error = GraphErrorExplainer.Explain(code, subcode, "OAuthException", "Invalid parameter", "trace", 400, GraphOperation.CreateTemplate);

        error.Explanation.ShouldContain(explanation);
        error.NextStep.ShouldContain(next);
        error.ForUser.ShouldContain($"Meta error {code}/{subcode}");
    }

    [Fact]
    public void Explain_Code100WhileEditing_SaysWhichTemplatesCanBeEdited() =>
        GraphErrorExplainer.Explain(100, null, "OAuthException", "Invalid parameter", null, 400, GraphOperation.EditTemplate)
            .Explanation.ShouldContain("Only approved, rejected or paused templates can be edited");

    [Fact]
    public void Explain_TemplateSubcodeOutsideTemplates_KeepsTheGeneralExplanation() =>
        GraphErrorExplainer.Explain(100, 2388040, "OAuthException", "Invalid parameter", null, 400, GraphOperation.SendMessage)
            .Explanation.ShouldBe("Meta refused a parameter of the request.");

    [Fact]
    public void FromErrorBody_KeepsMetasUserMessage()
    {
        var error = GraphClient.FromErrorBody(
            400,
            """{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2388024,"error_user_title":"Content in this language already exists","error_user_msg":"There is already en_US content.","fbtrace_id":"A1"}}""",
            GraphOperation.CreateTemplate);

        error.Subcode.ShouldBe(2388024);
        error.MetaUserMessage.ShouldBe("There is already en_US content.");
        error.Explanation.ShouldBe("A template with that name and language already exists.");
    }
}
