using System.Reflection;
using System.Reflection.Emit;

namespace Chatobuy.Inbox.Tests.Architecture;

/// <summary>
/// The types a compiled type refers to: its base type, interfaces, fields, properties, signatures and, by reading
/// the IL of every method body, every type, field and method it touches in code. Compiler-made types (lambdas,
/// async state machines, Razor render fragments) count for the type that declares them.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly OpCode[] OneByteOpCodes = new OpCode[0x100];

    private static readonly OpCode[] TwoByteOpCodes = new OpCode[0x100];

    static TypeReferences()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (value < 0x100)
            {
                OneByteOpCodes[value] = code;
            }
            else if ((value & 0xff00) == 0xfe00)
            {
                TwoByteOpCodes[value & 0xff] = code;
            }
        }
    }

    /// <summary>The outermost declaring type: a lambda's or state machine's owner.</summary>
    public static Type Owner(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>Every type <paramref name="type"/> (not its nested types) refers to, generic arguments and element types included.</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(found, contract);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(found, field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(found, property.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(found, parameter.ParameterType);
            }

            ReadBody(found, method);
        }

        return found;
    }

    private static void ReadBody(HashSet<Type> found, MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException)
        {
            return;
        }

        if (il is null)
        {
            return;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xfe ? TwoByteOpCodes[il[++position]] : OneByteOpCodes[il[position]];
            position++;
            switch (code.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    AddMember(found, method.Module, BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static void AddMember(HashSet<Type> found, Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (Exception exception) when (exception is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
        {
            return;
        }

        switch (member)
        {
            case Type type:
                Add(found, type);
                break;
            case FieldInfo field:
                Add(found, field.DeclaringType);
                Add(found, field.FieldType);
                break;
            case MethodInfo called:
                Add(found, called.DeclaringType);
                Add(found, called.ReturnType);
                foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                {
                    Add(found, argument);
                }

                break;
            case ConstructorInfo constructor:
                Add(found, constructor.DeclaringType);
                break;
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }

            type = type.GetGenericTypeDefinition();
        }

        found.Add(type);
    }
}
