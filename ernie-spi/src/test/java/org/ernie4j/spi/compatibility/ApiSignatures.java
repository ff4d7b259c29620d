package org.ernie4j.spi.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the public API of compiled classes with reflection: every public or protected type whose enclosing types are
 * too, and its public and protected constructors, methods and fields, without synthetic or bridge members. Members are
 * those a type declares; a constant's value is part of its shape, since a plugin's compiler copied it into the plugin.
 */
final class ApiSignatures
{
    private ApiSignatures()
    {
    }

    /** The API of the classes under {@code classes} (a class-path folder) in the package {@code packageName} and below. */
    static ApiRecord read(Path classes, String packageName, int major, ClassLoader loader)
    {
        Path root = classes.resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> types = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
                if (!name.endsWith("package-info")) {
                    types.add(Class.forName(name, false, loader));
                }
            }
            return of(major, types);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes under " + root, e);
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException("a class file under " + root + " does not load: " + e.getMessage(), e);
        }
    }

    /** The API of these types: the accessible ones and their members. */
    static ApiRecord of(int major, Collection<Class<?>> types)
    {
        SortedMap<String, String> signatures = new TreeMap<>();
        for (Class<?> type : types) {
            if (!isApi(type)) {
                continue;
            }
            signatures.put(type.getName(), typeShape(type));
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isApi(constructor.getModifiers()) && !constructor.isSynthetic()) {
                    signatures.put(type.getName() + "#<init>" + erased(constructor), visibility(constructor.getModifiers()) + throwsClause(constructor));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isApi(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                    signatures.put(type.getName() + "#" + method.getName() + erased(method), methodShape(method));
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (isApi(field.getModifiers()) && !field.isSynthetic()) {
                    signatures.put(type.getName() + "#" + field.getName(), fieldShape(field));
                }
            }
        }
        return new ApiRecord(major, signatures);
    }

    private static boolean isApi(Class<?> type)
    {
        for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
            if (current.isAnonymousClass() || current.isLocalClass() || current.isSynthetic() || !isApi(current.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApi(int modifiers)
    {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /**
     * Whether a plugin can implement or extend the type: not final, not an enum or record, with an accessible
     * constructor if a class, and, if sealed, with a permitted subtype that is implementable.
     */
    private static boolean implementable(Class<?> type)
    {
        if (Modifier.isFinal(type.getModifiers()) || type.isEnum() || type.isRecord() || type.isAnnotation()) {
            return false;
        }
        if (type.isSealed()) {
            return Arrays.stream(type.getPermittedSubclasses()).anyMatch(ApiSignatures::implementable);
        }
        return type.isInterface() || Arrays.stream(type.getDeclaredConstructors()).anyMatch(constructor -> isApi(constructor.getModifiers()));
    }

    private static String typeShape(Class<?> type)
    {
        List<String> words = new ArrayList<>();
        words.add(visibility(type.getModifiers()));
        if (Modifier.isStatic(type.getModifiers())) {
            words.add("static");
        }
        if (Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
            words.add("abstract");
        }
        if (Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord()) {
            words.add("final");
        }
        if (type.isSealed()) {
            words.add("sealed");
        }
        words.add(type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class");
        words.add(typeParameters(type.getTypeParameters()).strip());
        if (type.getGenericSuperclass() != null && !type.isEnum() && !type.isRecord() && type.getSuperclass() != Object.class) {
            words.add("extends " + type.getGenericSuperclass().getTypeName());
        }
        if (type.getGenericInterfaces().length > 0) {
            words.add((type.isInterface() ? "extends " : "implements ") + names(type.getGenericInterfaces()));
        }
        if (type.isSealed()) {
            words.add("permits " + names(type.getPermittedSubclasses()));
        }
        if (implementable(type)) {
            words.add(ApiRecord.IMPLEMENTABLE);
        }
        return words.stream().filter(word -> !word.isEmpty()).collect(Collectors.joining(" "));
    }

    private static String methodShape(Method method)
    {
        String kind = Modifier.isAbstract(method.getModifiers()) ? " abstract" : method.isDefault() ? " default" : "";
        StringBuilder shape = new StringBuilder(modifiers(method.getModifiers(), kind));
        shape.append(typeParameters(method.getTypeParameters()));
        shape.append(' ').append(method.getGenericReturnType().getTypeName());
        shape.append(" (").append(names(method.getGenericParameterTypes())).append(')');
        return shape + throwsClause(method);
    }

    private static String fieldShape(Field field)
    {
        int modifiers = field.getModifiers();
        StringBuilder shape = new StringBuilder(modifiers(modifiers, ""));
        shape.append(' ').append(field.getGenericType().getTypeName());
        if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && (field.getType().isPrimitive() || field.getType() == String.class)) {
            shape.append(" = ").append(constant(field));
        }
        return shape.toString();
    }

    private static String constant(Field field)
    {
        try {
            Object value = field.get(null);
            return value instanceof String text ? '"' + text + '"' : String.valueOf(value);
        }
        catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    /** A member's modifiers in a fixed order: visibility, static, then {@code between}, then final. */
    private static String modifiers(int modifiers, String between)
    {
        return visibility(modifiers) + (Modifier.isStatic(modifiers) ? " static" : "") + between + (Modifier.isFinal(modifiers) ? " final" : "");
    }

    private static String visibility(int modifiers)
    {
        return Modifier.isPublic(modifiers) ? "public" : "protected";
    }

    private static String typeParameters(TypeVariable<?>[] parameters)
    {
        if (parameters.length == 0) {
            return "";
        }
        return Arrays.stream(parameters)
                .map(parameter -> parameter.getName() + Arrays.stream(parameter.getBounds())
                        .filter(bound -> bound != Object.class)
                        .map(Type::getTypeName)
                        .collect(Collectors.collectingAndThen(Collectors.joining(" & "), bounds -> bounds.isEmpty() ? "" : " extends " + bounds)))
                .collect(Collectors.joining(", ", " <", ">"));
    }

    private static String erased(Executable executable)
    {
        return Arrays.stream(executable.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(",", "(", ")"));
    }

    private static String throwsClause(Executable executable)
    {
        Type[] exceptions = executable.getGenericExceptionTypes();
        return exceptions.length == 0 ? "" : " throws " + names(exceptions);
    }

    private static String names(Type[] types)
    {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }
}
