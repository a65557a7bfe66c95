using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Chatobuy.Inbox.Sandbox.Rules;

/// <summary>
/// Meta's template rules as the emulator applies them (reference §5.2). <see cref="Check"/> is what the create and
/// edit calls refuse at once; <see cref="Review"/> is what the later review rejects:
/// <list type="bullet">
/// <item>a body that starts or ends with a variable, or has two variables with nothing between them: INVALID_FORMAT;</item>
/// <item>any text containing the word "lottery" (the Sandbox's stand-in for scam content): ABUSIVE_CONTENT;</item>
/// <item>a UTILITY template offering a discount, coupon, promo code or "N% off": PROMOTIONAL;</item>
/// <item>everything else: APPROVED.</item>
/// </list>
/// </summary>
public static partial class SandboxTemplateRules
{
    public const int MaxTemplatesPerAccount = 250;

    public static readonly IReadOnlyList<string> Categories = ["MARKETING", "UTILITY", "AUTHENTICATION"];

    /// <summary>The first rule the template breaks, or null. <paramref name="components"/> is Meta's components array.</summary>
    public static SandboxTemplateRefusal? Check(string category, string parameterFormat, JsonNode? components)
    {
        if (components is not JsonArray list || list.Count == 0)
        {
            return Invalid("The parameter components is required and must be a non-empty array.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in list)
        {
            if (node is not JsonObject component || Text(component["type"])?.ToUpperInvariant() is not ({ } type and ("HEADER" or "BODY" or "FOOTER" or "BUTTONS")))
            {
                return Invalid("Each component needs a type: HEADER, BODY, FOOTER or BUTTONS.");
            }

            if (!seen.Add(type))
            {
                return Invalid($"A template can have only one {type} component.");
            }
        }

        if (!seen.Contains("BODY"))
        {
            return Invalid("A template needs a BODY component.");
        }

        var named = string.Equals(parameterFormat, "NAMED", StringComparison.OrdinalIgnoreCase);
        foreach (var component in list.OfType<JsonObject>())
        {
            var refusal = Text(component["type"])!.ToUpperInvariant() switch
            {
                "HEADER" => CheckHeader(component, category, named),
                "BODY" => CheckBody(component, category, named),
                "FOOTER" => CheckFooter(component, category),
                _ => CheckButtons(component, category),
            };
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>
    /// An authentication template as Meta stores and lists it: WhatsApp writes the body ("*{{1}}* is your verification
    /// code.", plus the security recommendation when asked) and the footer ("This code expires in N minutes.").
    /// </summary>
    public static JsonArray WithAuthenticationTexts(JsonArray components)
    {
        var result = (JsonArray)components.DeepClone();
        foreach (var component in result.OfType<JsonObject>())
        {
            switch (Text(component["type"])?.ToUpperInvariant())
            {
                case "BODY":
                    var secure = component["add_security_recommendation"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
                    component["text"] = "*{{1}}* is your verification code." + (secure ? " For your security, do not share this code." : "");
                    break;
                case "FOOTER" when component["code_expiration_minutes"] is JsonValue minutes && minutes.GetValueKind() == JsonValueKind.Number:
                    component["text"] = $"This code expires in {minutes.GetValue<int>()} minutes.";
                    break;
            }
        }

        return result;
    }

    /// <summary>The review's verdict: APPROVED with reason NONE, or REJECTED with Meta's reason word.</summary>
    public static (string Status, string Reason) Review(string category, string componentsJson)
    {
        var components = JsonNode.Parse(componentsJson) as JsonArray ?? [];
        var texts = new List<string>();
        string? body = null;
        foreach (var component in components.OfType<JsonObject>())
        {
            if (Text(component["text"]) is { } text)
            {
                texts.Add(text);
                if (Text(component["type"])?.ToUpperInvariant() == "BODY")
                {
                    body = text;
                }
            }

            if (component["buttons"] is JsonArray buttons)
            {
                texts.AddRange(buttons.OfType<JsonObject>().Select(b => Text(b["text"])).OfType<string>());
            }
        }

        if (body is not null && category != "AUTHENTICATION")
        {
            var trimmed = body.Trim();
            if (LeadingVariable().IsMatch(trimmed) || TrailingVariable().IsMatch(trimmed) || AdjacentVariables().IsMatch(trimmed))
            {
                return ("REJECTED", "INVALID_FORMAT");
            }
        }

        if (texts.Any(t => Abusive().IsMatch(t)))
        {
            return ("REJECTED", "ABUSIVE_CONTENT");
        }

        if (category == "UTILITY" && texts.Any(t => Promotional().IsMatch(t)))
        {
            return ("REJECTED", "PROMOTIONAL");
        }

        return ("APPROVED", "NONE");
    }

    private static SandboxTemplateRefusal? CheckHeader(JsonObject header, string category, bool named)
    {
        if (category == "AUTHENTICATION")
        {
            return Invalid("Authentication templates can't have a header.");
        }

        var format = Text(header["format"])?.ToUpperInvariant();
        switch (format)
        {
            case "TEXT":
                var text = Text(header["text"]);
                if (string.IsNullOrEmpty(text))
                {
                    return Invalid("A TEXT header needs its text.");
                }

                if (text.Length > 60)
                {
                    return TooLong("The header text is over 60 characters.");
                }

                var variables = Variables(text);
                if (variables.Count > 1)
                {
                    return Format("The header can contain at most one variable.");
                }

                if (variables.Count == 1)
                {
                    if (!named && variables[0] != "1")
                    {
                        return Format("The header variable must be {{1}}.");
                    }

                    var example = header["example"] is JsonObject e ? (named ? e["header_text_named_params"] : e["header_text"]) as JsonArray : null;
                    if (example is null || example.Count == 0)
                    {
                        return Invalid("Add an example for the header variable (example.header_text).");
                    }
                }

                return null;
            case "IMAGE" or "VIDEO" or "DOCUMENT":
                var handles = header["example"] is JsonObject media ? media["header_handle"] as JsonArray : null;
                return handles is null || handles.Count == 0 || handles.Any(h => string.IsNullOrWhiteSpace(Text(h)))
                    ? Invalid("A media header needs an example file: example.header_handle with a Resumable Upload handle.")
                    : null;
            case "LOCATION":
                return null;
            default:
                return Invalid("The header format must be TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION.");
        }
    }

    private static SandboxTemplateRefusal? CheckBody(JsonObject body, string category, bool named)
    {
        if (category == "AUTHENTICATION")
        {
            // Meta writes the body of an authentication template itself ("{{1}} is your verification code.").
            return body["add_security_recommendation"] is { } flag && flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)
                ? Invalid("add_security_recommendation must be true or false.")
                : null;
        }

        var text = Text(body["text"]);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("The body text is required.");
        }

        if (text.Length > 1024)
        {
            return TooLong("The body text is over 1,024 characters.");
        }

        if (text.Contains('\t') || FiveSpaces().IsMatch(text))
        {
            return Format("The body can't contain tabs or more than four spaces in a row.");
        }

        var variables = Variables(text);
        if (variables.Count == 0)
        {
            return null;
        }

        if (named)
        {
            if (variables.Any(v => !NamedVariable().IsMatch(v)))
            {
                return Format("Named variables use lowercase letters and underscores only, e.g. {{first_name}}.");
            }

            var examples = body["example"] is JsonObject e ? e["body_text_named_params"] as JsonArray : null;
            var given = examples?.OfType<JsonObject>().Select(p => Text(p["param_name"])).OfType<string>().ToHashSet() ?? [];
            return variables.All(given.Contains)
                ? null
                : Invalid("Add an example for every body variable (example.body_text_named_params).");
        }

        var numbers = variables.Select(v => int.TryParse(v, out var n) ? n : -1).ToList();
        if (numbers.Any(n => n < 1) || numbers.Order().Select((n, i) => n == i + 1).Any(ok => !ok))
        {
            return Format("Body variables must be numbered {{1}}, {{2}}, … in order, without gaps.");
        }

        var rows = body["example"] is JsonObject example ? example["body_text"] as JsonArray : null;
        var values = rows is { Count: > 0 } && rows[0] is JsonArray first ? first : null;
        return values is null || values.Count < numbers.Count || values.Any(v => string.IsNullOrWhiteSpace(Text(v)))
            ? Invalid("Add an example for every body variable (example.body_text).")
            : null;
    }

    private static SandboxTemplateRefusal? CheckFooter(JsonObject footer, string category)
    {
        if (category == "AUTHENTICATION")
        {
            return footer["code_expiration_minutes"] is { } minutes
                && (minutes.GetValueKind() != JsonValueKind.Number || minutes.GetValue<int>() is < 1 or > 90)
                ? Invalid("code_expiration_minutes must be a number from 1 to 90.")
                : null;
        }

        var text = Text(footer["text"]);
        if (string.IsNullOrEmpty(text))
        {
            return Invalid("The footer text is required.");
        }

        if (text.Length > 60)
        {
            return TooLong("The footer text is over 60 characters.");
        }

        return Variables(text).Count > 0
            ? new SandboxTemplateRefusal(2388073, "Footer format is incorrect", "The footer can't contain variables.")
            : null;
    }

    private static SandboxTemplateRefusal? CheckButtons(JsonObject component, string category)
    {
        if (component["buttons"] is not JsonArray buttons || buttons.Count == 0)
        {
            return Invalid("A BUTTONS component needs at least one button.");
        }

        if (buttons.Count > 10)
        {
            return Invalid("A template can have at most 10 buttons.");
        }

        var types = new List<string>();
        foreach (var node in buttons)
        {
            if (node is not JsonObject button)
            {
                return Invalid("Each button must be an object.");
            }

            var type = Text(button["type"])?.ToUpperInvariant() ?? "";
            types.Add(type);
            var text = Text(button["text"]);
            if (type != "OTP" && string.IsNullOrWhiteSpace(text))
            {
                return Invalid("Each button needs its text.");
            }

            if (text is { Length: > 25 })
            {
                return TooLong("A button text is over 25 characters.");
            }

            var refusal = type switch
            {
                "QUICK_REPLY" => null,
                "URL" => CheckUrlButton(button),
                "PHONE_NUMBER" => string.IsNullOrWhiteSpace(Text(button["phone_number"])) || !PhoneNumber().IsMatch(Text(button["phone_number"])!)
                    ? Invalid("A PHONE_NUMBER button needs phone_number, with the country code.")
                    : null,
                "COPY_CODE" => button["example"] is null || string.IsNullOrWhiteSpace(Text(button["example"]))
                    ? Invalid("A COPY_CODE button needs an example code.")
                    : null,
                "OTP" => Text(button["otp_type"])?.ToUpperInvariant() is "COPY_CODE" or "ONE_TAP" or "ZERO_TAP"
                    ? null
                    : Invalid("An OTP button needs otp_type COPY_CODE, ONE_TAP or ZERO_TAP."),
                _ => Invalid($"Button type {type} is not supported here."),
            };
            if (refusal is not null)
            {
                return refusal;
            }
        }

        if (category == "AUTHENTICATION")
        {
            return types is ["OTP"] ? null : Invalid("An authentication template has exactly one OTP button.");
        }

        if (types.Contains("OTP"))
        {
            return Invalid("OTP buttons are for authentication templates only.");
        }

        return types.Count(t => t == "URL") > 2 ? Invalid("A template can have at most 2 URL buttons.")
            : types.Count(t => t == "PHONE_NUMBER") > 1 ? Invalid("A template can have at most 1 phone number button.")
            : types.Count(t => t == "COPY_CODE") > 1 ? Invalid("A template can have at most 1 copy code button.")
            : null;
    }

    private static SandboxTemplateRefusal? CheckUrlButton(JsonObject button)
    {
        var url = Text(button["url"]);
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Replace("{{1}}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return Invalid("A URL button needs an absolute http(s) url.");
        }

        var variables = Variables(url);
        if (variables.Count > 1 || (variables.Count == 1 && (variables[0] != "1" || !url.EndsWith("{{1}}", StringComparison.Ordinal))))
        {
            return Format("A URL button can have one variable, {{1}}, at the end of the url.");
        }

        return variables.Count == 1 && (button["example"] is not JsonArray examples || examples.Count == 0 || string.IsNullOrWhiteSpace(Text(examples[0])))
            ? Invalid("Add an example for the URL button's variable.")
            : null;
    }

    public static IReadOnlyList<string> Variables(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Variable().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    private static SandboxTemplateRefusal Invalid(string message) => new(null, "Invalid parameter", message);

    private static SandboxTemplateRefusal TooLong(string message) => new(2388040, "Message template character limit exceeded", message);

    private static SandboxTemplateRefusal Format(string message) => new(2388047, "Message template format is incorrect", message);

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex("^[a-z_]{1,20}$")]
    private static partial Regex NamedVariable();

    [GeneratedRegex(@"^\+?[0-9]{7,15}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(" {5,}")]
    private static partial Regex FiveSpaces();

    [GeneratedRegex(@"^\{\{[^}]+\}\}")]
    private static partial Regex LeadingVariable();

    [GeneratedRegex(@"\{\{[^}]+\}\}$")]
    private static partial Regex TrailingVariable();

    [GeneratedRegex(@"\}\}\s*\{\{")]
    private static partial Regex AdjacentVariables();

    [GeneratedRegex(@"\blottery\b", RegexOptions.IgnoreCase)]
    private static partial Regex Abusive();

    [GeneratedRegex(@"\b(discount|coupon|promo code)\b|\b[0-9]+\s?% off\b", RegexOptions.IgnoreCase)]
    private static partial Regex Promotional();
}
