using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatobuy.Inbox.CloudApi.Templates;

/// <summary>
/// A button's <c>example</c>, which Meta writes two ways: a list for a URL button (<c>["summer2023"]</c>) and one
/// string for a COPY_CODE button (<c>"250FF"</c>). <see cref="IsList"/> keeps the way it is written.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed record TemplateButtonExample(IReadOnlyList<string> Values, bool IsList)
{
    public string? First => Values.Count > 0 ? Values[0] : null;

    public static TemplateButtonExample ListOf(params string[] values) => new(values, true);

    public static TemplateButtonExample SingleOf(string value) => new([value], false);

    internal sealed class Converter : JsonConverter<TemplateButtonExample>
    {
        // Anything else reads as no example rather than failing the whole template.
        public override TemplateButtonExample? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return SingleOf(reader.GetString()!);
                case JsonTokenType.StartArray:
                    var values = new List<string>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            values.Add(reader.GetString()!);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    return new TemplateButtonExample(values, true);
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, TemplateButtonExample value, JsonSerializerOptions options)
        {
            if (!value.IsList && value.Values is [var single])
            {
                writer.WriteStringValue(single);
                return;
            }

            writer.WriteStartArray();
            foreach (var item in value.Values)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
    }
}
