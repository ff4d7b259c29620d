// Runs after a project was generated, in interactive and in batch mode. Batch mode (-B, as scripts and CI use it) does
// not apply the descriptor's validation patterns, so a task name such as "Sentence_Start" would give a project whose
// task the runner refuses and whose class names do not compile. Check the names here, remove the project made from
// them, and fail with what to type instead.
def properties = request.properties
def problems = []
def taskName = properties.get('taskName')
if (!(taskName ==~ /[a-z][a-z0-9]*(-[a-z0-9]+)*/)) {
    problems << "taskName '${taskName}' must be lower-case words of letters and digits joined by hyphens, such as sentence-start"
}
def classPrefix = properties.get('classPrefix')
if (!(classPrefix ==~ /[A-Z][A-Za-z0-9]*/)) {
    problems << "classPrefix '${classPrefix}' must start a Java class name: a capital letter, then letters and digits, such as SentenceStart"
}
def javaPackage = properties.get('package')
if (!(javaPackage ==~ /[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*/)) {
    problems << "package '${javaPackage}' must be a Java package name in lower case, such as org.example.tasks"
}
if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException("the task plugin project was not generated: " + problems.join('; '))
}

// The project's .gitignore is written here rather than shipped as a template: Maven's resource and archive steps leave
// dot files such as .gitignore out of an archetype's jar by default.
new File(new File(request.outputDirectory, request.artifactId), '.gitignore').text =
        '# Maven build output: the plugin jar is rebuilt by `mvn verify`.\ntarget/\n'
