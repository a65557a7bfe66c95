namespace Chatobuy.Inbox.CloudApi;

public static partial class GraphErrorExplainer
{
    /// <summary>Pseudo-code for a Graph host that could not be reached at all (no HTTP answer).</summary>
    public const int Unreachable = -1;

    /// <summary>Pseudo-code for an answer that was not Graph's JSON error envelope.</summary>
    public const int UnexpectedAnswer = -2;

    /// <summary>Pseudo-code for a request that may have left, with no answer (timeout, connection dropped after sending).</summary>
    public const int Unconfirmed = -3;

    /// <summary>Pseudo-code for a request not sent at all because Meta would refuse it (the message says why).</summary>
    public const int NotSent = -4;

    /// <summary>
    /// The plain explanation and next step for a send that failed with <paramref name="code"/> (for example in a
    /// <c>failed</c> status webhook, which carries only Meta's own words), or null when we have nothing better to say.
    /// </summary>
    public static GraphError? ForFailedSend(int code)
    {
        var error = Explain(code, null, null, null, null, null, GraphOperation.SendMessage);
        return error.Explanation == Explain(int.MinValue, null, null, null, null, null, GraphOperation.SendMessage).Explanation ? null : error;
    }

    public static GraphError Explain(
        int code,
        int? subcode,
        string? type,
        string? metaMessage,
        string? fbTraceId,
        int? httpStatus,
        GraphOperation operation,
        string? details = null)
    {
        var (explanation, next) = ForTemplates(code, subcode, operation) ?? ForCatalogs(code, subcode, operation) ?? code switch
        {
            Unconfirmed => (
                "The request may have reached Meta, but no answer came back in time.",
                "It is not sent again automatically, so the customer never gets it twice; Meta's status webhook will settle it. If no status comes, check with the customer before sending again."),
            NotSent => (
                metaMessage ?? "The request was not sent because Meta would refuse it.",
                "Change the file or the values and try again."),
            Unreachable => (
                "The Graph API could not be reached.",
                "Check the Graph API address and this server's internet connection, then try again."),
            UnexpectedAnswer when operation is GraphOperation.DownloadMedia && httpStatus is 404 or 410 => (
                "The media file is no longer available at Meta (download links last 5 minutes, files 30 days).",
                "Ask the customer to send it again."),
            UnexpectedAnswer when operation is GraphOperation.DownloadMedia && httpStatus is 401 or 403 => (
                "Meta refused to hand over the media file: the access token was not accepted.",
                "Generate a new System User token and update the channel."),
            UnexpectedAnswer when operation is GraphOperation.DownloadMedia && httpStatus is null => (
                $"The media file could not be downloaded: {metaMessage}",
                "Check the channel's Graph API address."),
            UnexpectedAnswer => (
                $"The Graph API gave an answer we did not understand (HTTP {httpStatus}).",
                "Check that the Graph API address points at Meta (https://graph.facebook.com) or the built-in Sandbox."),
            190 => (
                "The access token is invalid or expired.",
                "Generate a new System User token in Meta Business Settings → Users → System Users → Generate New Token, and paste it here."),
            0 => (
                "Meta could not authenticate this request.",
                "Generate a new System User token and try again."),
            10 or (>= 200 and <= 299) => (
                $"The access token is missing a permission{PermissionHint(operation)}.",
                "In Meta Business Settings → System Users, give the system user the app and the WhatsApp account as assets, then generate a token with business_management, whatsapp_business_messaging and whatsapp_business_management."),
            100 when operation is GraphOperation.ListAccounts => (
                "Business Manager ID not found, or this token cannot see it.",
                "Copy the Business ID from the address bar of Meta Business Settings (business_id=…) and check that the token belongs to a system user of that business."),
            100 when operation is GraphOperation.ListPhoneNumbers => (
                "That WhatsApp Business Account was not found, or this token cannot see it.",
                "Check that the system user has the WhatsApp account assigned as an asset."),
            100 when operation is GraphOperation.ResumableUpload => (
                $"Meta refused the file upload{(string.IsNullOrWhiteSpace(metaMessage) ? "" : $": {metaMessage}")}.",
                "Upload a PDF, JPEG, PNG or MP4 file that is not empty, and try again."),
            104 when operation is GraphOperation.ResumableUpload => (
                "Meta did not accept the upload session's signature.",
                "Start the upload again."),
            100 or 131009 when operation is GraphOperation.UpdateBusinessProfile => (
                $"Meta refused a value of the business profile: {details ?? metaMessage ?? "no reason given"}.",
                "Correct the field and save again."),
            100 when operation is GraphOperation.GetBusinessProfile => (
                "Meta does not know this phone number, or this token cannot see it.",
                "Check that the system user has the WhatsApp account assigned as an asset."),
            100 when operation is GraphOperation.GetMedia => (
                "Meta does not know this media file, or it has expired (Meta keeps media for 30 days).",
                "Ask the customer to send it again."),
            131052 => (
                "Meta could not download the customer's media file.",
                "Ask the customer to send it again."),
            100 => (
                "Meta refused a parameter of the request.",
                "Check the values you entered and try again."),
            2200 => (
                "Meta could not verify this channel's webhook URL: it did not answer the verification request with the challenge.",
                "Make sure the inbox is reachable at its public address over HTTPS, or paste the Webhook URL and Verify Token in Meta's app by hand."),
            131047 => (
                "The customer has not written in the last 24 hours, or has never written to this number, so WhatsApp only allows an approved template now.",
                "Send an approved template; free-form messages are allowed again for 24 hours once the customer writes."),
            131056 => (
                "Too many messages were sent to this customer in a short time (WhatsApp allows about one every 6 seconds).",
                "Wait a little before writing to this customer again."),
            131026 => (
                "WhatsApp could not deliver the message to this number (not on WhatsApp, an old app version, or the customer blocked the business).",
                "Check the number, or reach the customer another way."),
            131030 => (
                "This test number may only message the recipients on its allow list.",
                "Add the recipient to the allow list in Meta's app dashboard (WhatsApp → API Setup)."),
            131021 => (
                "The recipient is this channel's own number.",
                "Send to a different number."),
            131008 or 131009 => (
                $"Meta refused a value in the message{(string.IsNullOrWhiteSpace(metaMessage) ? "" : $": {metaMessage}")}.",
                "Check the text, the media and the message you replied to, then try again."),
            131051 => (
                "WhatsApp does not support this type of message.",
                "Send it as text or as a different file type."),
            131053 => (
                "Meta could not accept the media file (its type or size is not supported).",
                "Send a JPEG/PNG image up to 5 MB, an MP4 video or audio up to 16 MB, or a PDF/Office document up to 100 MB."),
            132000 => (
                "The number of values sent does not match the template's variables (the template may have changed at Meta).",
                "Sync the templates, pick the template again and fill in every variable."),
            132001 => (
                "This template does not exist in that language, or it is not approved (yet).",
                "Sync the templates and pick an approved template in the customer's language."),
            132005 => (
                "The template's text is too long once the values are filled in.",
                "Shorten the values you entered and send again."),
            132007 => (
                "A value breaks WhatsApp's formatting rules for templates (new lines, tabs or more than four spaces in a row).",
                "Remove line breaks, tabs and long runs of spaces from the values and send again."),
            132012 => (
                "A value has the wrong format for this template (for example a missing header image, video or document).",
                "Check the header file or link and the values, then send again."),
            132015 => (
                "Meta has paused this template because of its quality (customers blocked or reported it).",
                "Send a different template; fix the template's wording in WhatsApp Manager before using it again."),
            132016 => (
                "Meta has disabled this template because of repeated quality problems.",
                "Send a different template or create a new one."),
            4 or 80007 or 130429 => (
                "Meta's rate limit was reached.",
                "Wait a minute and try again."),
            368 => (
                "Meta has temporarily blocked this account for policy reasons.",
                "Check the account's status in WhatsApp Manager."),
            131031 => (
                "This WhatsApp Business Account is locked.",
                "Check the account's status in WhatsApp Manager."),
            1 or 2 or 131000 or 131016 => (
                "Meta had a temporary problem.",
                "Try again in a few minutes."),
            _ => (
                string.IsNullOrWhiteSpace(metaMessage) ? "Meta refused the request." : $"Meta refused the request: {metaMessage}",
                "Check the values you entered; if it keeps happening, contact Meta support with the trace id."),
        };
        return new GraphError(code, subcode, type, metaMessage, fbTraceId, httpStatus, explanation, next, details);
    }

    private static string PermissionHint(GraphOperation operation) => operation switch
    {
        GraphOperation.ListAccounts => " (business_management)",
        GraphOperation.GetMedia or GraphOperation.DownloadMedia => " (whatsapp_business_messaging)",
        GraphOperation.ListPhoneNumbers or GraphOperation.SubscribeApp or GraphOperation.UnsubscribeApp or GraphOperation.SetWebhook
            or GraphOperation.GetBusinessProfile or GraphOperation.UpdateBusinessProfile or GraphOperation.ResumableUpload
            => " (whatsapp_business_management)",
        GraphOperation.ReadCatalog or GraphOperation.ListCatalogs or GraphOperation.LinkCatalog or GraphOperation.UnlinkCatalog => " (catalog_management)",
        GraphOperation.ReadCommerceSettings or GraphOperation.UpdateCommerceSettings => " (whatsapp_business_management)",
        _ => "",
    };
}
