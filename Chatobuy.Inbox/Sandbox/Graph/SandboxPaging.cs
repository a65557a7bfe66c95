using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// Graph cursor paging (reference §0): <c>limit</c> (max 100), <c>after</c>/<c>before</c> opaque cursors, and a
/// <c>paging</c> object whose <c>next</c>/<c>previous</c> are full URLs back to this emulator, omitted at the ends.
/// </summary>
public static class SandboxPaging
{
    public const int MaxLimit = 100;
    private const string CursorPrefix = "sandbox-cursor:";

    /// <summary>
    /// One page of <paramref name="items"/> as Graph writes it (with <paramref name="summary"/> after the paging when
    /// given), or a code-100 error for a bad parameter.
    /// </summary>
    public static IResult Page(HttpRequest request, IReadOnlyList<JsonObject> items, int defaultLimit, JsonObject? summary = null)
    {
        var query = request.Query;
        var limit = defaultLimit;
        if (!string.IsNullOrEmpty(query["limit"]))
        {
            if (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                return SandboxGraphErrors.InvalidParameter("(#100) Param limit must be a positive integer");
            }
        }

        limit = Math.Min(limit, MaxLimit);

        int start;
        int end;
        if (!string.IsNullOrEmpty(query["after"]))
        {
            if (ParseCursor(query["after"]) is not { } afterIndex)
            {
                return SandboxGraphErrors.InvalidParameter("(#100) Param after is not a valid cursor");
            }

            start = Math.Min(afterIndex + 1, items.Count);
            end = Math.Min(start + limit, items.Count);
        }
        else if (!string.IsNullOrEmpty(query["before"]))
        {
            if (ParseCursor(query["before"]) is not { } beforeIndex)
            {
                return SandboxGraphErrors.InvalidParameter("(#100) Param before is not a valid cursor");
            }

            end = Math.Min(beforeIndex, items.Count);
            start = Math.Max(0, end - limit);
        }
        else
        {
            start = 0;
            end = Math.Min(limit, items.Count);
        }

        var data = new JsonArray();
        for (var i = start; i < end; i++)
        {
            data.Add(items[i].DeepClone());
        }

        var page = new JsonObject { ["data"] = data };
        if (end > start)
        {
            var paging = new JsonObject
            {
                ["cursors"] = new JsonObject { ["before"] = Cursor(start), ["after"] = Cursor(end - 1) },
            };
            if (end < items.Count)
            {
                paging["next"] = PageUrl(request, limit, "after", Cursor(end - 1));
            }

            if (start > 0)
            {
                paging["previous"] = PageUrl(request, limit, "before", Cursor(start));
            }

            page["paging"] = paging;
        }

        if (summary is not null)
        {
            page["summary"] = summary;
        }

        return TypedResults.Json(page, SandboxJson.Options);
    }

    public static string Cursor(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + index.ToString(CultureInfo.InvariantCulture)));

    public static int? ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>This request's own URL with the same query (access_token included if it came that way), and a new cursor.</summary>
    private static string PageUrl(HttpRequest request, int limit, string direction, string cursor)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key is "limit" or "after" or "before")
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Add(key, value ?? "");
            }
        }

        query.Add("limit", limit.ToString(CultureInfo.InvariantCulture));
        query.Add(direction, cursor);
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }
}
