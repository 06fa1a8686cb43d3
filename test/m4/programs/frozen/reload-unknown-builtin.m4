[foo(1)] [defn(`foo')]
