package io.sluice.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one line on stderr and an exit code: invalid options give the problem, where the
 * value came from when it was not a flag, and a usage hint (exit 2); failures at run time give the message
 * only (exit 1), with the stack trace when {@code --verbose} is set.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final int RUNTIME_FAILURE = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage() + origin(ex));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (verbose(cmd)) {
            ex.printStackTrace(err);
        }
        String message = ex instanceof CliException ? ex.getMessage()
                : ex + (verbose(cmd) ? "" : " (run with --verbose for the stack trace)");
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
        err.flush();
        return RUNTIME_FAILURE;
    }

    private static String origin(ParameterException ex) {
        if (ex.getArgSpec() instanceof OptionSpec option
                && ex.getCommandLine().getDefaultValueProvider() instanceof LayeredDefaults layers) {
            return layers.origin(option).map(o -> " (value from " + o + ")").orElse("");
        }
        return "";
    }

    private static boolean verbose(CommandLine cmd) {
        OptionSpec option = cmd.getCommandSpec().findOption("--verbose");
        return option != null && Boolean.TRUE.equals(option.getValue());
    }
}
