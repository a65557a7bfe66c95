using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chatobuy.Inbox.Data.Sql;

/// <summary>One mapped property of <typeparamref name="T"/>: its column, its parameter and the model's value conversion.</summary>
public sealed class ModelColumn<T>
    where T : class
{
    private readonly IClrPropertyGetter _getter;
    private readonly System.Reflection.PropertyInfo _setter;
    private readonly ValueConverter? _converter;
    private readonly Type _providerType;

    public ModelColumn(IProperty property, string quotedName)
    {
        Property = property.Name;
        Name = quotedName;
        Parameter = "@" + property.Name;
        _getter = property.GetGetter();
        _setter = property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} has no property to set.");
        _converter = property.GetTypeMapping().Converter;
        var provider = _converter?.ProviderClrType ?? property.ClrType;
        _providerType = Nullable.GetUnderlyingType(provider) ?? provider;
    }

    /// <summary>The entity's property name.</summary>
    public string Property { get; }

    /// <summary>The quoted column name.</summary>
    public string Name { get; }

    /// <summary>The parameter name the table's SQL uses for this column.</summary>
    public string Parameter { get; }

    /// <summary>The value stored for <paramref name="entity"/>, converted as EF Core converts it.</summary>
    public object Value(T entity) => ToProvider(_getter.GetClrValue(entity));

    /// <summary>A property value converted as EF Core converts it.</summary>
    public object ToProvider(object? value) => value is null ? DBNull.Value : _converter?.ConvertToProvider(value) ?? value;

    /// <summary>Sets this column's parameter of <paramref name="statement"/> from <paramref name="entity"/>.</summary>
    public void Bind(SqlStatement statement, T entity) => statement.Set(Parameter, Value(entity));

    public void Read(T entity, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            _setter.SetValue(entity, null);
            return;
        }

        var raw = reader.GetValue(ordinal);
        if (raw.GetType() != _providerType && raw is IConvertible)
        {
            raw = Convert.ChangeType(raw, _providerType, CultureInfo.InvariantCulture);
        }

        _setter.SetValue(entity, _converter is null ? raw : _converter.ConvertFromProvider(raw));
    }
}
