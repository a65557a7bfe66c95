using System.Net;
using System.Text.RegularExpressions;

namespace Chatobuy.Inbox.Tests.Support;

internal static partial class TestSignIn
{
    /// <summary>Signs in through the real form, as a browser without JavaScript would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/login");
        var token = AntiforgeryInput().Match(page);
        token.Success.ShouldBeTrue("The sign-in form has no antiforgery field.");

        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)" """)]
    private static partial Regex AntiforgeryInput();
}
