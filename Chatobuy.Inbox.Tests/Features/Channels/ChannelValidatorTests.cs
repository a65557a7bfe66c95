using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Tests.Features.Channels;

public sealed class ChannelValidatorTests
{
    private static ConnectChannelModel ValidConnect() => new()
    {
        Title = "Support line",
        AccessToken = "EAAtest0000000000000000000000",
        BusinessId = "102289599326934",
        AppSecret = "0123456789abcdef0123456789abcdef",
        GraphVersion = "v23.0",
    };

    private static IEnumerable<string> ConnectErrors(ConnectChannelModel model) =>
        new ConnectChannelValidator().Validate(model).Errors.Select(e => e.ErrorMessage);

    private static IEnumerable<string> EditErrors(EditChannelModel model) =>
        new EditChannelValidator().Validate(model).Errors.Select(e => e.ErrorMessage);

    [Fact]
    public void Connect_ValidModel_HasNoErrors() => ConnectErrors(ValidConnect()).ShouldBeEmpty();

    [Fact]
    public void Connect_TitleTooLong_SaysTheLimit()
    {
        var model = ValidConnect();
        model.Title = new string('a', 101);
        ConnectErrors(model).ShouldBe(["Keep the title under 100 characters."]);
    }

    [Fact]
    public void Connect_TokenWithLineBreak_AsksToCopyAgain()
    {
        var model = ValidConnect();
        model.AccessToken = "EAAtest00000000000\n00000000000";
        ConnectErrors(model).ShouldBe(["The token has spaces or line breaks in it: copy it again from Meta."]);
    }

    [Fact]
    public void Connect_ShortToken_IsRefused()
    {
        var model = ValidConnect();
        model.AccessToken = "EAA123";
        ConnectErrors(model).ShouldBe(["This is too short to be a System User Access Token."]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1234")]
    [InlineData("12345 678")]
    public void Connect_BusinessIdNotANumber_ExplainsWhereToFindIt(string businessId)
    {
        var model = ValidConnect();
        model.BusinessId = businessId;
        ConnectErrors(model).ShouldHaveSingleItem().ShouldStartWith("The Business Manager ID is a number");
    }

    [Fact]
    public void Connect_AppSecretWithSymbols_IsRefused()
    {
        var model = ValidConnect();
        model.AppSecret = "not-a-secret!";
        ConnectErrors(model).ShouldBe(["The App Secret is 32 letters and digits (App settings → Basic → App secret)."]);
    }

    [Fact]
    public void Connect_BadGraphVersion_ShowsTheFormat()
    {
        var model = ValidConnect();
        model.GraphVersion = "23";
        ConnectErrors(model).ShouldBe(["The Graph API version looks like v23.0."]);
    }

    [Fact]
    public void Edit_EmptyName_IsRequired() =>
        EditErrors(new EditChannelModel { Title = " " }).ShouldBe(["The channel needs a name."]);

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("example.com/hook")]
    [InlineData("https://")]
    public void Edit_ForwardingUrlNotHttp_IsRefused(string url) =>
        EditErrors(new EditChannelModel { Title = "x", ForwardingWebhookUrl = url })
            .ShouldBe(["Enter a full http:// or https:// address, or leave it empty."]);

    [Fact]
    public void Edit_EmailsSeparatedByCommasAndLines_AreSplitAndDeduplicated()
    {
        var model = new EditChannelModel { Title = "x", AlertEmailsText = "a@example.com, b@example.com\nA@example.com" };
        EditErrors(model).ShouldBeEmpty();
        model.AlertEmails.ShouldBe(["a@example.com", "b@example.com"]);
    }

    [Fact]
    public void Edit_BadEmail_IsNamedInTheMessage() =>
        EditErrors(new EditChannelModel { Title = "x", AlertEmailsText = "a@example.com, bob" })
            .ShouldBe(["\"bob\" is not a valid email address."]);

    [Fact]
    public void Edit_MoreThanTenEmails_IsRefused() =>
        EditErrors(new EditChannelModel { Title = "x", AlertEmailsText = string.Join(",", Enumerable.Range(1, 11).Select(i => $"u{i}@example.com")) })
            .ShouldBe(["Ten alert emails at most."]);

    [Theory]
    [InlineData(null)]
    [InlineData(20)]
    [InlineData(1000)]
    public void Edit_ThroughputEmptyOrWithinMetasRange_IsAccepted(int? perSecond) =>
        EditErrors(new EditChannelModel { Title = "x", MessagesPerSecond = perSecond }).ShouldBeEmpty();

    [Theory]
    [InlineData(19)]
    [InlineData(1001)]
    [InlineData(0)]
    public void Edit_ThroughputOutsideMetasRange_SaysTheRange(int perSecond) =>
        EditErrors(new EditChannelModel { Title = "x", MessagesPerSecond = perSecond })
            .ShouldBe(["Meta's throughput is between 20 and 1,000 messages per second; leave it empty for the default."]);

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(1000)]
    public void Edit_AssignmentLimitEmptyOrWithinRange_IsAccepted(int? limit) =>
        EditErrors(new EditChannelModel { Title = "x", AssignmentMode = AssignmentMode.RoundRobin, AssignmentLimit = limit }).ShouldBeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Edit_AssignmentLimitOutOfRange_IsRefused(int limit) =>
        EditErrors(new EditChannelModel { Title = "x", AssignmentMode = AssignmentMode.RoundRobin, AssignmentLimit = limit })
            .ShouldBe(["The limit is between 1 and 1,000 open conversations per agent; leave it empty for no limit."]);
}
