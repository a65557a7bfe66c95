namespace Chatobuy.Inbox.CloudApi.Templates;

/// <summary>The example of a named variable: <c>{"param_name":"first_name","example":"Mark"}</c>.</summary>
public sealed record TemplateNamedParameter(string ParamName, string Example);
